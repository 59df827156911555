package org.openmaap.platform.store;

/**
 * One SMS part the gateway was about to submit: part {@code part} of {@code parts}, and the id the
 * SMSC gave it (null while no answer was recorded, which after a crash means unknown).
 */
public record SmsSubmit(String botId, String msgId, int part, int parts, String smscId) {}
