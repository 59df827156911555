package org.openmaap.platform.store;

/**
 * One part of a fallback SMS as the SMSC knows it: its id there, and the state and error of its
 * receipt (null while no receipt came).
 */
public record SmsPartRow(String botId, String msgId, String smscId, String stat, String err) {}
