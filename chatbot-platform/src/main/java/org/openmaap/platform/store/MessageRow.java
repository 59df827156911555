package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A message in either direction: {@code rcsMessageJson} is its RCSMessage as JSON text, and
 * {@code requestHash} a digest of the request that created it (for idempotent resends).
 */
public record MessageRow(
    String botId,
    String msgId,
    Direction direction,
    String userContact,
    String conversationId,
    String contributionId,
    String inReplyToContributionId,
    String rcsMessageJson,
    String requestHash,
    String status,
    String channel,
    String reason,
    Instant expiry,
    Instant createdAt,
    Instant updatedAt) {

  /** Who sent the message. */
  public enum Direction { BOT_TO_USER, USER_TO_BOT }
}
