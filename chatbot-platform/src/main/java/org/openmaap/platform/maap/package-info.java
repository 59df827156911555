/** The Chatbot API (northbound, GSMA MaaP style): tokens, sending, status, capabilities. */
package org.openmaap.platform.maap;
