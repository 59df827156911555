/**
 * Durable state: chatbots, conversations, messages with their status history, provisioned devices
 * and webhook events. {@link org.openmaap.platform.store.Store} is the seam; {@code SqliteStore}
 * is the embedded implementation (a PostgreSQL one can follow). The store knows no HTTP edge.
 */
package org.openmaap.platform.store;
