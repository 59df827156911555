package org.openmaap.platform.webhook;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Where a chatbot's webhooks go and which secrets sign them; empty when the bot is gone. */
public interface WebhookTargets {

  /** The bot's current webhook target, looked up before every attempt so changes apply at once. */
  Future<Optional<Target>> target(String botId);

  /**
   * A webhook URL and the secrets that sign for it: the current one first, then the previous one
   * while a rotation's grace period lasts; {@code format} renders a dialect's notifications, null
   * for API.md's webhooks.
   */
  record Target(String webhookUrl, List<String> secrets, EventFormat format) {

    /** A target of API.md's webhooks. */
    public Target(String webhookUrl, List<String> secrets) {
      this(webhookUrl, secrets, null);
    }

    public Target {
      if (webhookUrl == null || webhookUrl.isBlank()) {
        throw new IllegalArgumentException("webhook URL must not be blank");
      }
      secrets = List.copyOf(secrets);
      if (secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("a target needs at least one non-empty secret");
      }
    }
  }
}
