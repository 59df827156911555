/**
 * Durable state: chatbots, conversations, messages with their status history, provisioned devices,
 * webhook events, and the rows of the content server's files (their bytes live beside the
 * database). {@link org.openmaap.platform.store.Store} is the seam; {@code SqliteStore} is the
 * embedded implementation (a PostgreSQL one can follow). The store knows no HTTP edge.
 */
package org.openmaap.platform.store;
