/**
 * The nodes of one store telling each other what changed, over the store's signals (PostgreSQL
 * LISTEN/NOTIFY): chatbots registered, changed or deleted, messages waiting for a number connected
 * to another node, and what that number's links should do.
 */
package org.openmaap.platform.cluster;
