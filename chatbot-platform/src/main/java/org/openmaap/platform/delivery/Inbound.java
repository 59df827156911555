package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.ids.TimeOrderedIds;
import org.openmaap.platform.order.InTurn;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.ConversationRow;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.MessageRow.Direction;
import org.openmaap.platform.store.StatusChange;
import org.openmaap.platform.store.Store;

/** User-to-chatbot traffic: messages, tapped suggestions, typing, and the bot's read reports. */
public final class Inbound {

  private static final List<String> USER_CONTENT =
      List.of("textMessage", "suggestedResponse", "geolocationPushMessage", "fileMessage");

  private final Store store;
  private final ChatbotRegistry registry;
  private final Online online;
  private final EventSink events;
  private final Clock clock;
  private final DeliveryMetrics metrics;
  private final MediaLinks links;
  private final InTurn turns = new InTurn();

  public Inbound(Store store, ChatbotRegistry registry, Online online, EventSink events,
      Clock clock, DeliveryMetrics metrics, MediaLinks links) {
    this.store = store;
    this.registry = registry;
    this.online = online;
    this.events = events;
    this.clock = clock;
    this.metrics = metrics;
    this.links = links;
  }

  /**
   * Takes a user's message to a bot (validated with card-renderer, and passed on as read: null
   * members absent), stores it and publishes it as a {@code message} or {@code response} event,
   * after {@code newUser} on first contact; answers the message id once the event is durable.
   * A user's messages to one bot are taken one after the other, in the order they came.
   */
  public Future<String> fromUser(String msisdn, String botId, JsonObject sent, String channel) {
    return fromUser(msisdn, botId, sent, channel, null);
  }

  /**
   * Like {@link #fromUser(String, String, JsonObject, String)}, keeping the contribution id the
   * user's device gave the message (a SIP phone's Contribution-ID; null: the platform makes one),
   * so that the bot's answer in reply to it names what the phone knows.
   */
  public Future<String> fromUser(String msisdn, String botId, JsonObject sent, String channel,
      String contributionId) {
    if (botId == null || registry.find(botId).isEmpty()) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    Validation validation =
        Validator.validate(new JsonObject().put("RCSMessage", sent).encode());
    if (!validation.valid()) {
      return Future.failedFuture(new Invalid("invalid_message",
          "the message has " + validation.errors().size() + " problem(s)", validation.errors()));
    }
    JsonObject rcsMessage = new JsonObject(validation.tree().get("RCSMessage").toString());
    String content = USER_CONTENT.stream().filter(rcsMessage::containsKey).findFirst()
        .orElse(null);
    if (content == null) {
      return Future.failedFuture(new Invalid("invalid_message",
          "a user sends one of " + String.join(", ", USER_CONTENT)));
    }
    String event = content.equals("suggestedResponse") ? "response" : "message";
    String contribution = contributionId == null || contributionId.isBlank()
        ? UUID.randomUUID().toString() : contributionId;
    return turns.run(botId + '\n' + msisdn,
        () -> take(msisdn, botId, rcsMessage, event, channel, contribution));
  }

  private Future<String> take(String msisdn, String botId, JsonObject rcsMessage, String event,
      String channel, String contributionId) {
    Instant now = clock.instant();
    String msgId = TimeOrderedIds.next(now);
    return links.complete(rcsMessage).compose(completed -> {
      JsonObject rcs = completed.copy().put("msgId", msgId).put("timestamp", now.toString());
      return store.conversation(botId, msisdn, UUID.randomUUID().toString(), now)
          .compose(conversation -> welcome(conversation, now)
              // The message and its event in one write: one commit on the user's path, not two.
              .compose(v -> events.publishWith(botId, conversation.conversationId(),
                  BotEvents.fromUser(event, msisdn, rcs, conversation.conversationId(),
                      contributionId, channel),
                  report -> store.insertMessageAndEvent(new MessageRow(botId, msgId,
                      Direction.USER_TO_BOT, msisdn, conversation.conversationId(),
                      contributionId, rcs.getString("inReplyToContributionId"), rcs.encode(),
                      null, Status.DELIVERED, channel, null, null, now, now), report))));
    }).map(published -> {
      metrics.toBot(channel);
      return msgId;
    });
  }

  /** The user's typing indicator, passed to the bot as an {@code isTyping} event. */
  public Future<Void> typing(String msisdn, String botId, String state) {
    if (botId == null || registry.find(botId).isEmpty()) {
      return Future.failedFuture(new NotFound("no chatbot '" + botId + "'"));
    }
    if (!"active".equals(state) && !"idle".equals(state)) {
      return Future.failedFuture(new Invalid("bad_value", "state must be active or idle"));
    }
    return turns.run(botId + '\n' + msisdn, () -> typingEvent(msisdn, botId, state));
  }

  private Future<Void> typingEvent(String msisdn, String botId, String state) {
    Instant now = clock.instant();
    return store.conversation(botId, msisdn, UUID.randomUUID().toString(), now)
        .compose(conversation -> events.publish(botId, conversation.conversationId(),
            BotEvents.fromUser("isTyping", msisdn, new JsonObject().put("isTyping", state)
                    .put("timestamp", now.toString()), conversation.conversationId(),
                UUID.randomUUID().toString(), Status.CHANNEL_RCS)))
        .mapEmpty();
  }

  /** The bot read a user's message: status displayed, and a read receipt to the device. */
  public Future<JsonObject> markDisplayed(String botId, String msgId) {
    return store.message(botId, msgId).compose(found -> {
      MessageRow row = found.filter(m -> m.direction() == Direction.USER_TO_BOT)
          .orElseThrow(() -> new NotFound("no message '" + msgId + "' received by chatbot '"
              + botId + "'"));
      StatusChange read = new StatusChange(Status.DISPLAYED, row.channel(), null, clock.instant());
      StatusMachine.From from = StatusMachine.from(read);
      return store.updateStatus(botId, msgId, from.statuses(), from.channel(), read)
          .map(changed -> {
            online.displayed(row.userContact(), botId, msgId);
            return new JsonObject().put("RCSMessage",
                new JsonObject().put("msgId", msgId).put("status", Status.DISPLAYED));
          });
    });
  }

  private Future<Void> welcome(ConversationRow conversation, Instant now) {
    if (!conversation.created()) {
      return Future.succeededFuture();
    }
    return events.publish(conversation.botId(), conversation.conversationId(),
        BotEvents.newUser(conversation.userContact(), conversation.conversationId(), now))
        .mapEmpty();
  }
}
