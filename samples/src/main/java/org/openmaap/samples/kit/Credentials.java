package org.openmaap.samples.kit;

import java.util.Map;
import java.util.Objects;

/**
 * What the operator hands a chatbot developer at registration: where the platform is, the bot's id,
 * its OAuth2 client credentials and the secret its webhooks are signed with.
 */
public record Credentials(String platformUrl, String botId, String clientId, String clientSecret,
    String webhookSecret) {

  public Credentials {
    Objects.requireNonNull(platformUrl, "platformUrl");
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(webhookSecret, "webhookSecret");
    platformUrl = platformUrl.endsWith("/")
        ? platformUrl.substring(0, platformUrl.length() - 1) : platformUrl;
  }

  /**
   * Reads OPENMAAP_URL, BOT_ID, BOT_CLIENT_ID, BOT_CLIENT_SECRET and BOT_WEBHOOK_SECRET, naming the
   * first one missing.
   */
  public static Credentials fromEnvironment(Map<String, String> env) {
    return new Credentials(env.getOrDefault("OPENMAAP_URL", "http://localhost:8080"),
        required(env, "BOT_ID"), required(env, "BOT_CLIENT_ID"),
        required(env, "BOT_CLIENT_SECRET"), required(env, "BOT_WEBHOOK_SECRET"));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set; the operator gives it to you when "
          + "your chatbot is registered");
    }
    return value;
  }

  @Override
  public String toString() {
    return "Credentials[" + botId + " at " + platformUrl + "]";
  }
}
