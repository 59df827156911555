package org.openmaap.platform;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A chatbot's first two calls, for tests against any platform: registration and its token. */
public final class Bots {

  private Bots() {}

  /** POSTs the registration with the admin token; answers it with its secrets, or fails. */
  public static JsonObject register(WebClient http, String adminToken, JsonObject registration) {
    HttpResponse<Buffer> response = http.post("/admin/v1/chatbots")
        .bearerTokenAuthentication(adminToken)
        .sendJsonObject(registration)
        .await();
    if (response.statusCode() != 201) {
      throw new AssertionError("registration failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  /** An access token for a registered bot, by client credentials in the Basic header. */
  public static String token(WebClient http, JsonObject registration) {
    String basic = Base64.getEncoder().encodeToString((registration.getString("clientId") + ":"
        + registration.getString("clientSecret")).getBytes(StandardCharsets.UTF_8));
    HttpResponse<Buffer> response = http.post("/oauth2/v1/token")
        .putHeader("Authorization", "Basic " + basic)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials"))
        .await();
    if (response.statusCode() != 200) {
      throw new AssertionError("token failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("access_token");
  }
}
