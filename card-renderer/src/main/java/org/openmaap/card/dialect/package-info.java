/**
 * Rich content as China's operator chatbot APIs carry it (DIALECTS.md), read into the GSMA
 * content this module validates and renders, with violations pointed back into what was sent.
 */
package org.openmaap.card.dialect;
