package org.openmaap.platform.store;

import java.time.Instant;

/**
 * One recipient of a campaign as it ended up: its state and, once handed on, its message's
 * status, channel, reason and last change (null before).
 */
public record RecipientResult(
    int seq,
    String userContact,
    String state,
    String reason,
    String messageStatus,
    String channel,
    String messageReason,
    Instant updatedAt) {}
