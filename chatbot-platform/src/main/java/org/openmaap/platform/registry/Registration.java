package org.openmaap.platform.registry;

import io.vertx.core.json.JsonObject;

/** A chatbot with the secrets it was just given; secrets are shown once, never again. */
public record Registration(Chatbot chatbot, String clientSecret, String webhookSecret) {

  /** The admin API's answer: the profile plus clientSecret and webhookSecret. */
  public JsonObject toJson(String domain) {
    return chatbot.toJson(domain)
        .put("clientSecret", clientSecret)
        .put("webhookSecret", webhookSecret);
  }
}
