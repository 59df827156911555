package org.openmaap.platform.store;

import java.time.Instant;
import java.util.List;

/**
 * A message in either direction: {@code rcsMessageJson} is its RCSMessage as JSON text,
 * {@code requestHash} a digest of the request that created it (for idempotent resends), and
 * {@code reportRequest} the statuses its chatbot asked to be told of (null: all).
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
    Instant updatedAt,
    List<String> reportRequest) {

  public MessageRow {
    reportRequest = reportRequest == null ? null : List.copyOf(reportRequest);
  }

  /** A message whose chatbot is told of every status. */
  public MessageRow(String botId, String msgId, Direction direction, String userContact,
      String conversationId, String contributionId, String inReplyToContributionId,
      String rcsMessageJson, String requestHash, String status, String channel, String reason,
      Instant expiry, Instant createdAt, Instant updatedAt) {
    this(botId, msgId, direction, userContact, conversationId, contributionId,
        inReplyToContributionId, rcsMessageJson, requestHash, status, channel, reason, expiry,
        createdAt, updatedAt, null);
  }

  /** This message in another conversation. */
  public MessageRow inConversation(String id) {
    return new MessageRow(botId, msgId, direction, userContact, id, contributionId,
        inReplyToContributionId, rcsMessageJson, requestHash, status, channel, reason, expiry,
        createdAt, updatedAt, reportRequest);
  }

  /** Who sent the message. */
  public enum Direction { BOT_TO_USER, USER_TO_BOT }
}
