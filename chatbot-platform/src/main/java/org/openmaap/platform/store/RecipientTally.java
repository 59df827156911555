package org.openmaap.platform.store;

/**
 * How many of a campaign's recipients are in {@code state} and, for those handed on, whose message
 * has {@code messageStatus} on {@code channel} (both null for recipients without a message).
 */
public record RecipientTally(String state, String messageStatus, String channel, int count) {}
