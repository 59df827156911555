package org.openmaap.platform.registry;

import io.vertx.core.json.JsonObject;

/** A chatbot with the secrets it was just given; secrets are shown once, never again. */
public record Registration(Chatbot chatbot, String clientSecret, String webhookSecret) {

  /**
   * The admin API's answer: the profile plus clientSecret and webhookSecret; a CT/CU or CMCC
   * chatbot's also under the names its dialect gives them (appId, appKey or password,
   * notifyToken).
   */
  public JsonObject toJson(String domain) {
    JsonObject json = chatbot.toJson(domain)
        .put("clientSecret", clientSecret)
        .put("webhookSecret", webhookSecret);
    if (chatbot.dialect() == Dialect.CTCU) {
      json.put("appId", chatbot.clientId()).put("appKey", clientSecret)
          .put("notifyToken", webhookSecret);
    } else if (chatbot.dialect() == Dialect.CMCC) {
      json.put("appId", chatbot.clientId()).put("password", clientSecret)
          .put("notifyToken", webhookSecret);
    }
    return json;
  }
}
