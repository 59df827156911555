package org.openmaap.platform.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a chatbot is told, before any dialect renders it: the webhook edge renders the GSMA event
 * of API.md when it sends one, so a second dialect is a second renderer.
 */
public sealed interface BotEvent {

  /** The user the event is about, or null (a file's status). */
  String user();

  /** A user's message, suggestion response or typing indicator. */
  record FromUser(UserEvent kind, String user, JsonObject content, String conversationId,
      String contributionId, String channel) implements BotEvent {

    public FromUser {
      Objects.requireNonNull(kind, "kind");
      content = content.copy();
    }
  }

  /**
   * What became of a message the bot sent. {@code error} is null, or says why it failed;
   * {@code reportRequest} the statuses the bot asked to be told of for it (null: all), which a
   * dialect that has them honours.
   */
  record StatusReport(String user, String msgId, String status, JsonObject error,
      String conversationId, String channel, Instant at, List<String> reportRequest)
      implements BotEvent {

    public StatusReport {
      error = error == null ? null : error.copy();
      reportRequest = reportRequest == null ? null : List.copyOf(reportRequest);
    }

    /** A report of a status the bot always hears of. */
    public StatusReport(String user, String msgId, String status, JsonObject error,
        String conversationId, String channel, Instant at) {
      this(user, msgId, status, error, conversationId, channel, at, null);
    }

    /** Whether the bot asked to be told of this status. */
    public boolean requested() {
      return reportRequest == null || reportRequest.contains(status);
    }
  }

  /** The user's first contact with the bot. */
  record NewUser(String user, String conversationId, Instant at) implements BotEvent {}

  /** A file of the bot's became ready, or expired; {@code file} is the file as the API shows it. */
  record FileStatus(JsonObject file, Instant at) implements BotEvent {

    public FileStatus {
      file = file.copy();
    }

    @Override
    public String user() {
      return null;
    }
  }

  /**
   * A campaign's progress: {@code stage} started, progress (another tenth of its recipients handed
   * on), completed or cancelled; {@code campaign} is the campaign as the API shows it.
   */
  record CampaignStatus(String stage, int progress, JsonObject campaign, Instant at)
      implements BotEvent {

    public CampaignStatus {
      campaign = campaign.copy();
    }

    @Override
    public String user() {
      return null;
    }
  }

  /** The kinds of {@link FromUser} events, by their name in API.md. */
  enum UserEvent {
    MESSAGE("message"), RESPONSE("response"), IS_TYPING("isTyping");

    private final String apiName;

    UserEvent(String apiName) {
      this.apiName = apiName;
    }

    /** The event's name in API.md. */
    public String apiName() {
      return apiName;
    }

    static UserEvent of(String name) {
      for (UserEvent kind : values()) {
        if (kind.apiName.equals(name) || kind.name().equals(name.toUpperCase(Locale.ROOT))) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no user event '" + name + "'");
    }
  }
}
