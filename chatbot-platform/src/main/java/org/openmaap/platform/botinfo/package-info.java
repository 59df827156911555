/**
 * Chatbot information for RCS clients: the GSMA botinfo JSON of a registered chatbot (its
 * organisation card, colour, verification and persistent menu), served at {@code GET /bot} with
 * an ETag so clients revalidate cheaply.
 */
package org.openmaap.platform.botinfo;
