package org.openmaap.platform.delivery;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * How a {@link BotEvent} is kept in the store until it is delivered: a JSON object whose
 * {@code kind} names the event. Bodies stored before events were typed are already rendered (an
 * {@code event} member instead); {@link #read} answers empty for them.
 */
public final class StoredEvents {

  private StoredEvents() {}

  /** The stored form of the event. */
  public static JsonObject write(BotEvent event) {
    if (event instanceof BotEvent.FromUser e) {
      return new JsonObject().put("kind", e.kind().name())
          .put("user", e.user()).put("content", e.content())
          .put("conversationId", e.conversationId()).put("contributionId", e.contributionId())
          .put("channel", e.channel());
    }
    if (event instanceof BotEvent.StatusReport e) {
      return new JsonObject().put("kind", "STATUS")
          .put("user", e.user()).put("msgId", e.msgId()).put("status", e.status())
          .put("error", e.error()).put("conversationId", e.conversationId())
          .put("channel", e.channel()).put("at", e.at().toString())
          .put("reportRequest", e.reportRequest() == null ? null
              : new JsonArray(e.reportRequest()));
    }
    if (event instanceof BotEvent.NewUser e) {
      return new JsonObject().put("kind", "NEW_USER")
          .put("user", e.user()).put("conversationId", e.conversationId())
          .put("at", e.at().toString());
    }
    if (event instanceof BotEvent.CampaignStatus e) {
      return new JsonObject().put("kind", "CAMPAIGN_STATUS").put("stage", e.stage())
          .put("progress", e.progress()).put("campaign", e.campaign())
          .put("at", e.at().toString());
    }
    BotEvent.FileStatus e = (BotEvent.FileStatus) event;
    return new JsonObject().put("kind", "FILE_STATUS")
        .put("file", e.file()).put("at", e.at().toString());
  }

  /** The event a stored body holds; empty for a body stored already rendered. */
  public static Optional<BotEvent> read(JsonObject stored) {
    String kind = stored.getString("kind");
    if (kind == null) {
      return Optional.empty();
    }
    return Optional.of(switch (kind) {
      case "STATUS" -> new BotEvent.StatusReport(stored.getString("user"),
          stored.getString("msgId"), stored.getString("status"), stored.getJsonObject("error"),
          stored.getString("conversationId"), stored.getString("channel"), at(stored),
          stored.getJsonArray("reportRequest") == null ? null
              : stored.getJsonArray("reportRequest").stream().map(String::valueOf).toList());
      case "NEW_USER" -> new BotEvent.NewUser(stored.getString("user"),
          stored.getString("conversationId"), at(stored));
      case "CAMPAIGN_STATUS" -> new BotEvent.CampaignStatus(stored.getString("stage"),
          stored.getInteger("progress"), stored.getJsonObject("campaign"), at(stored));
      case "FILE_STATUS" -> new BotEvent.FileStatus(stored.getJsonObject("file"), at(stored));
      default -> new BotEvent.FromUser(BotEvent.UserEvent.of(kind), stored.getString("user"),
          stored.getJsonObject("content"), stored.getString("conversationId"),
          stored.getString("contributionId"), stored.getString("channel"));
    });
  }

  private static Instant at(JsonObject stored) {
    return Instant.parse(stored.getString("at"));
  }
}
