/**
 * What the domain refuses to do, in its own words: a message or chatbot that is not there, a
 * request in conflict with what is stored, input that breaks a rule. The edges decide how a client
 * sees each refusal (an HTTP error body, a device's error frame).
 */
package org.openmaap.platform.failure;
