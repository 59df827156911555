package org.openmaap.platform.dialect;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.EventSink;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.store.MessageRow;

/**
 * How China's dialects send one request to several numbers over the core: each recipient's
 * message is a core message of its own, named {@code messageId} for a single recipient and
 * {@code messageId/+86…} for several, so statuses map back to the bot's messageId and a resend
 * names the same messages (idempotent); and how they revoke one recipient's message, the outcome
 * told as a status event (revoked, or {@link Status#REVOKE_REFUSED}).
 */
public final class GroupSends {

  private static final char RECIPIENT = '/';

  private final Outbound outbound;
  private final EventSink events;
  private final Clock clock;

  public GroupSends(Outbound outbound, EventSink events, Clock clock) {
    this.outbound = outbound;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the RCSMessage content once per recipient (each durable before the answer), telling
   * the bot of the statuses in {@code reportRequest} (null: all); answers in recipient order.
   */
  public Future<List<Outbound.Accepted>> send(String botId, JsonObject rcsMessage,
      String messageId, List<String> recipients, List<String> reportRequest) {
    List<Future<Outbound.Accepted>> sends = new ArrayList<>();
    for (String user : recipients) {
      JsonObject one = rcsMessage.copy().put("msgId", recipients.size() == 1 ? messageId
          : messageId + RECIPIENT + user);
      sends.add(outbound.send(botId, new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", user))
          .put("RCSMessage", one)
          .put(Outbound.REPORT_REQUEST, reportRequest == null ? null
              : new JsonArray(reportRequest))));
    }
    return Future.all(sends).map(all -> all.<Outbound.Accepted>list());
  }

  /**
   * Revokes the bot's message {@code messageId} to {@code user} (null: the message's only
   * recipient), then tells the bot the outcome as a status event; answers the message. NotFound
   * when the bot sent no such message to that number.
   */
  public Future<MessageRow> revoke(String botId, String messageId, String user) {
    Future<String> target = user == null ? Future.succeededFuture(messageId)
        : outbound.sent(botId, messageId + RECIPIENT + user).compose(several -> several
            .isPresent() ? Future.succeededFuture(several.get().msgId())
            : outbound.sent(botId, messageId).map(one -> one
                .filter(row -> row.userContact().equals(user))
                .map(MessageRow::msgId)
                .orElseThrow(() -> new NotFound("chatbot '" + botId + "' sent no message '"
                    + messageId + "' to " + Numbers.tel(user)))));
    return target.compose(msgId -> outbound.revokeOutcome(botId, msgId)).compose(revocation -> {
      MessageRow message = revocation.message();
      // Revoked before (a revoke repeated after a crash) is revoked still.
      boolean revoked = revocation.cancelled() || Status.CANCELLED.equals(message.status());
      return events.publish(botId, message.conversationId(), new BotEvent.StatusReport(
              message.userContact(), message.msgId(),
              revoked ? Status.CANCELLED : Status.REVOKE_REFUSED, null,
              message.conversationId(), message.channel(), clock.instant()))
          .map(published -> message);
    });
  }

  /** The messageId a bot gave the core's message {@code msgId} to {@code user}. */
  public static String messageId(String msgId, String user) {
    String suffix = RECIPIENT + user;
    return msgId.endsWith(suffix) && msgId.length() > suffix.length()
        ? msgId.substring(0, msgId.length() - suffix.length())
        : msgId;
  }
}
