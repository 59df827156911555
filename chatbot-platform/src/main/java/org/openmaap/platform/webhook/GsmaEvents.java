package org.openmaap.platform.webhook;

import io.vertx.core.json.JsonObject;
import org.openmaap.platform.delivery.BotEvent;

/** API.md's webhook events (the FNW.11 shape), rendered from the core's events as they are sent. */
final class GsmaEvents {

  private GsmaEvents() {}

  /** The event's webhook body; {@code chatId} names its user to this bot (null: no user). */
  static JsonObject render(BotEvent event, String chatId) {
    if (event instanceof BotEvent.FromUser e) {
      return new JsonObject()
          .put("event", e.kind().apiName())
          .put("messageContact", contact(e.user(), chatId))
          .put("RCSMessage", e.content())
          .put("conversationId", e.conversationId())
          .put("contributionId", e.contributionId())
          .put("channel", e.channel());
    }
    if (event instanceof BotEvent.StatusReport e) {
      JsonObject rcs = new JsonObject().put("msgId", e.msgId()).put("status", e.status())
          .put("timestamp", e.at().toString());
      if (e.error() != null) {
        rcs.put("error", e.error());
      }
      return new JsonObject()
          .put("event", "messageStatus")
          .put("messageContact", contact(e.user(), chatId))
          .put("RCSMessage", rcs)
          .put("conversationId", e.conversationId())
          .put("channel", e.channel());
    }
    if (event instanceof BotEvent.NewUser e) {
      return new JsonObject()
          .put("event", "newUser")
          .put("messageContact", contact(e.user(), chatId))
          .put("RCSMessage", new JsonObject().put("timestamp", e.at().toString()))
          .put("conversationId", e.conversationId())
          .put("channel", "rcs");
    }
    if (event instanceof BotEvent.CampaignStatus e) {
      return new JsonObject()
          .put("event", "campaignStatus")
          .put("stage", e.stage())
          .put("progress", e.progress())
          .put("campaign", e.campaign())
          .put("timestamp", e.at().toString());
    }
    BotEvent.FileStatus e = (BotEvent.FileStatus) event;
    return new JsonObject()
        .put("event", "fileStatus")
        .put("file", e.file())
        .put("timestamp", e.at().toString());
  }

  private static JsonObject contact(String user, String chatId) {
    JsonObject contact = new JsonObject().put("userContact", user);
    if (chatId != null) {
      contact.put("chatId", chatId);
    }
    return contact;
  }
}
