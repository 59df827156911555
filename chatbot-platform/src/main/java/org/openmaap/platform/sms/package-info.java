/**
 * SMS over SMPP 3.4: the platform's ESME session to an SMSC ({@link SmsGateway}), and an in-JVM SMSC
 * for tests and the demo ({@link EmbeddedSmsc}). The fallback policy decides what goes as SMS; this
 * package only carries it.
 */
package org.openmaap.platform.sms;
