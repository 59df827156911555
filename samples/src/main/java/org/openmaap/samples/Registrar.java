package org.openmaap.samples;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.openmaap.samples.kit.Credentials;
import org.openmaap.samples.kit.Profile;

/** Registers chatbots through the platform's admin API, as an operator does for a brand. */
final class Registrar {

  private final WebClient http;
  private final String platformUrl;
  private final String adminToken;

  Registrar(WebClient http, String platformUrl, String adminToken) {
    this.http = http;
    this.platformUrl = platformUrl;
    this.adminToken = adminToken;
  }

  /** Registers the chatbot with its webhook; answers the credentials the brand gets. */
  Future<Credentials> register(Profile profile, String webhookUrl) {
    JsonObject registration = new JsonObject()
        .put("botId", profile.botId())
        .put("name", profile.name())
        .put("description", profile.description())
        .put("color", profile.color())
        .put("webhookUrl", webhookUrl);
    return http.postAbs(platformUrl + "/admin/v1/chatbots").bearerTokenAuthentication(adminToken)
        .sendJsonObject(registration)
        .compose(response -> response.statusCode() == 201
            ? Future.succeededFuture(response.bodyAsJsonObject())
            : Future.failedFuture(new IllegalStateException("registering " + profile.botId()
                + " failed: " + response.statusCode() + " " + response.bodyAsString())))
        .map(answer -> new Credentials(platformUrl, profile.botId(), answer.getString("clientId"),
            answer.getString("clientSecret"), answer.getString("webhookSecret")));
  }
}
