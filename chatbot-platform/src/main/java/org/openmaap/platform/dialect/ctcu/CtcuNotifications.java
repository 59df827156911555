package org.openmaap.platform.dialect.ctcu;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.openmaap.card.dialect.CtcuMessages;
import org.openmaap.card.model.CardJson;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.dialect.Numbers;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.webhook.EventFormat;
import org.openmaap.platform.webhook.WebhookTargets.Target;
import org.openmaap.platform.dialect.GroupSends;

/**
 * The notifications a CT/CU chatbot's notify URL gets (DIALECTS.md): a user's message or chip tap
 * as {@code messageNotification}, a status as {@code deliveryNotification}, signed with the notify
 * token as the chatbot's {@code signatureScheme} says. New users, typing and file statuses have no
 * CT/CU notification.
 */
public final class CtcuNotifications implements EventFormat {

  private static final Map<String, String> STATUSES = Map.of(
      Status.SENT, "sent", Status.DELIVERED, "delivered", Status.DISPLAYED, "displayed",
      Status.FAILED, "failed", Status.DELIVERED_TO_NETWORK, "deliveredToNetwork",
      Status.DELIVERED_AS_SMS, "deliveredAsSms", Status.CANCELLED, "revokeOk",
      Status.REVOKE_REFUSED, "revokeFail");

  private final Chatbot chatbot;
  private final String chatbotUri;
  private final NotifyVerification verification;
  private final CtcuSignature signature;

  /** The notifications of {@code chatbot}, whose notify URL {@code verification} verifies. */
  public CtcuNotifications(Chatbot chatbot, String domain, NotifyVerification verification) {
    this.chatbot = chatbot;
    this.chatbotUri = chatbot.serviceUri(domain);
    this.verification = verification;
    this.signature = CtcuSignature.of(chatbot.signatureScheme());
  }

  /** Notifications wait for the notify URL's verification. */
  @Override
  public Future<Void> ready(Target target) {
    return verification.ensure(chatbot);
  }

  @Override
  public Optional<Request> render(BotEvent event, String eventId, Target target, Instant now) {
    String notifyUrl = target.webhookUrl().replaceAll("/+$", "");
    if (event instanceof BotEvent.FromUser user
        && user.kind() != BotEvent.UserEvent.IS_TYPING) {
      return Optional.of(request(notifyUrl + "/messageNotification/" + chatbotUri + "/messages",
          message(user), eventId, target, now));
    }
    if (event instanceof BotEvent.StatusReport report && STATUSES.containsKey(report.status())
        && report.requested()) {
      return Optional.of(request(notifyUrl + "/deliveryNotification/" + chatbotUri + "/status",
          status(report), eventId, target, now));
    }
    return Optional.empty();
  }

  private JsonObject message(BotEvent.FromUser user) {
    JsonObject content = user.content();
    JsonObject body = new JsonObject()
        .put("messageId", content.getString("msgId"))
        .put("messageList", new JsonArray(CtcuMessages.write(tree(content)).toString()))
        .put("dateTime", content.getString("timestamp"))
        .put("senderAddress", Numbers.tel(user.user()))
        .put("destinationAddress", chatbotUri)
        .put("conversationId", user.conversationId())
        .put("contributionId", user.contributionId());
    if (content.getValue("inReplyToContributionId") instanceof String inReplyTo) {
      body.put("inReplyTo", inReplyTo);
    }
    return body;
  }

  private static JsonNode tree(JsonObject json) {
    try {
      return CardJson.readTree(json.toBuffer().getBytes());
    } catch (IOException e) {
      throw new IllegalStateException("a JSON object reads again", e);
    }
  }

  private static JsonObject status(BotEvent.StatusReport report) {
    JsonObject info = new JsonObject()
        .put("messageId", GroupSends.messageId(report.msgId(), report.user()))
        .put("dateTime", report.at().toString())
        .put("destinationAddress", Numbers.tel(report.user()))
        .put("status", STATUSES.get(report.status()));
    if (report.error() != null) {
      info.put("errorCode", report.error().getValue("reason"))
          .put("errorMessage", report.error().getValue("message"));
    }
    return new JsonObject().put("deliveryInfoList", new JsonArray().add(info));
  }

  private Request request(String url, JsonObject body, String eventId, Target target,
      Instant now) {
    String timestamp = Long.toString(now.toEpochMilli());
    // The event id is unique per event and kept by redeliveries: a nonce the bot may dedupe on.
    String nonce = eventId;
    return new Request(url, Map.of(
        "Content-Type", "application/json;charset=UTF-8",
        "signature", signature.sign(target.secrets().get(0), timestamp, nonce),
        "timestamp", timestamp,
        "nonce", nonce,
        "chatbotId", chatbotUri,
        "appId", chatbot.clientId()), body.encode().getBytes(StandardCharsets.UTF_8));
  }
}
