/**
 * Northbound dialects other than the GSMA Chatbot API (DIALECTS.md): each is an edge that reads
 * its requests into the core's send, renders the core's events as its notifications, and answers
 * errors in its own shape. Nothing below the edge knows a dialect.
 */
package org.openmaap.platform.dialect;
