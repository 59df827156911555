package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openmaap.card.network.XmlWriter;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.dialect.Numbers;
import org.openmaap.platform.webhook.EventFormat;
import org.openmaap.platform.webhook.WebhookTargets.Target;
import org.openmaap.platform.dialect.GroupSends;

/**
 * The notifications a CMCC chatbot's notify root gets (DIALECTS.md): a user's message or chip tap
 * as an {@code InboundMessageNotification}, a status as a {@code DeliveryInfoNotification}, in XML
 * or in the JSON binding as the chatbot's {@code notifyFormat} says. Each
 * carries a {@code Date} and {@code Authorization: Basic base64(appId:sha256hex(sha256hex(
 * notifyToken) + Date))}, the scheme the chatbot uses towards the platform, keyed with its notify
 * token. New users, typing and file statuses have no CMCC notification.
 */
public final class CmccNotifications implements EventFormat {

  private static final Map<String, String> STATUSES = Map.of(
      Status.SENT, "MessageSent", Status.DELIVERED, "DeliveredToTerminal",
      Status.DISPLAYED, "MessageDisplayed", Status.FAILED, "DeliveryImpossible",
      Status.DELIVERED_TO_NETWORK, "DeliveredToNetwork",
      Status.DELIVERED_AS_SMS, "DeliveredToTerminal", Status.CANCELLED, "Revoked",
      Status.REVOKE_REFUSED, "RevokeFailed");

  private final String chatbotUri;
  private final String appId;
  private final Duration fileKept;
  private final boolean json;

  /**
   * The notifications of the chatbot {@code chatbotUri}, whose appId is {@code appId}, in XML or
   * (when {@code json}) in the OMA JSON binding; a user's file is described as kept for
   * {@code fileKept} from its message (the platform's default).
   */
  public CmccNotifications(String chatbotUri, String appId, Duration fileKept, boolean json) {
    this.chatbotUri = chatbotUri;
    this.appId = appId;
    this.fileKept = fileKept;
    this.json = json;
  }

  @Override
  public Optional<Request> render(BotEvent event, String eventId, Target target, Instant now) {
    String notifyRoot = target.webhookUrl().replaceAll("/+$", "");
    if (event instanceof BotEvent.FromUser user
        && user.kind() != BotEvent.UserEvent.IS_TYPING) {
      return Optional.of(request(notifyRoot + "/InboundMessageNotification/" + chatbotUri,
          inbound(user, now), user.user(), eventId, target, now));
    }
    if (event instanceof BotEvent.StatusReport report && STATUSES.containsKey(report.status())
        && report.requested()) {
      return Optional.of(request(notifyRoot + "/DeliveryInfoNotification/" + chatbotUri,
          delivery(report), report.user(), eventId, target, now));
    }
    return Optional.empty();
  }

  private String inbound(BotEvent.FromUser user, Instant now) {
    JsonObject content = user.content();
    String timestamp = content.getString("timestamp");
    CmccContent.Written body;
    try {
      body = CmccContent.write(content, user.user(), sentAt(timestamp, now).plus(fileKept));
    } catch (RuntimeException unreadable) {
      // Content the core accepted but this edge cannot model still reaches the bot, as JSON.
      body = new CmccContent.Written("application/json", content.encode());
    }
    String sender = Numbers.tel(user.user());
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("destinationAddress", chatbotUri);
    fields.put("senderAddress", sender);
    fields.put("origUser", sender);
    fields.put("messageId", content.getString("msgId"));
    fields.put("contentType", body.contentType());
    // The JSON binding carries a body that is not plain text as base64 (DIALECTS.md).
    fields.put("bodyText", json && !body.contentType().equals(CmccContent.TEXT)
        ? Base64.getEncoder().encodeToString(body.bodyText().getBytes(StandardCharsets.UTF_8))
        : body.bodyText());
    fields.put("conversationID", user.conversationId());
    fields.put("contributionID", user.contributionId());
    fields.put("inReplyToContributionID", content.getString("inReplyToContributionId"));
    fields.put("dateTime", timestamp);
    return notification("inboundMessageNotification", "inboundMessage", fields);
  }

  /** A notification holding one element (or JSON object) of fields; null fields are absent. */
  private String notification(String name, String holder, Map<String, String> fields) {
    if (json) {
      JsonObject inner = new JsonObject();
      fields.forEach((field, value) -> {
        if (value != null) {
          inner.put(field, value);
        }
      });
      return new JsonObject().put(name, new JsonObject().put(holder, inner)).encode();
    }
    XmlWriter xml = new XmlWriter().open("msg:" + name, "xmlns:msg", CmccXml.MESSAGING_NS)
        .open(holder);
    fields.forEach((field, value) -> xml.leaf(field, CmccXml.clean(value)));
    return xml.close().close().toString();
  }

  private static Instant sentAt(String timestamp, Instant now) {
    try {
      return timestamp == null ? now : Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return now;
    }
  }

  private String delivery(BotEvent.StatusReport report) {
    String description = Status.DELIVERED_AS_SMS.equals(report.status())
        ? "delivered to the handset as SMS"
        : report.error() == null ? null
        : String.valueOf(report.error().getValue("message", report.error().getValue("reason")));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("address", Numbers.tel(report.user()));
    fields.put("messageId", GroupSends.messageId(report.msgId(), report.user()));
    fields.put("deliveryStatus", STATUSES.get(report.status()));
    fields.put("description", description);
    return notification("deliveryInfoNotification", "deliveryInfo", fields);
  }

  private Request request(String url, String xml, String user, String eventId, Target target,
      Instant now) {
    String date = CmccDigest.date(now);
    return new Request(url, Map.of(
        "Content-Type", json ? CmccJson.CONTENT_TYPE : CmccXml.CONTENT_TYPE,
        "Date", date,
        "Authorization", CmccDigest.authorization(appId, target.secrets().get(0), date),
        "Address", Numbers.tel(user),
        // Unique per event and kept by redeliveries: the bot may dedupe on it.
        "X-Maap-Event-Id", eventId), xml.getBytes(StandardCharsets.UTF_8));
  }
}
