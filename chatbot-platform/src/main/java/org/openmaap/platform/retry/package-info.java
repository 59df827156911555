/**
 * How long to wait before trying again, shared by the domain packages that retry (webhook delivery,
 * the SMPP bind and submits) without either importing the other.
 */
package org.openmaap.platform.retry;
