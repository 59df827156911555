/** SMS fallback: the plain text a phone without RCS receives, and how it is split into segments. */
package org.openmaap.card.sms;
