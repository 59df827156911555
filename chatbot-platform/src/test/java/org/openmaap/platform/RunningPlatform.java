package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** A platform started in this JVM on a temporary data dir, and a client for its HTTP API. */
public final class RunningPlatform implements AutoCloseable {

  public static final String ADMIN_TOKEN = "test-admin-token";
  public static final String NETWORK_TOKEN = "test-network-token";

  public final Vertx vertx;
  public final Platform platform;
  public final WebClient http;

  private RunningPlatform(Vertx vertx, Platform platform) {
    this.vertx = vertx;
    this.platform = platform;
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(platform.port()));
  }

  /** Test settings: quick webhook retries, everything else as configured by default. */
  public static PlatformConfig config(Path dataDir) {
    PlatformConfig defaults = PlatformConfig.defaults();
    return new PlatformConfig(0, dataDir, "test.local", ADMIN_TOKEN, NETWORK_TOKEN,
        defaults.maxBodyBytes(), defaults.tokenTtl(), defaults.secretGracePeriod(),
        defaults.defaultRateLimitPerSecond(), defaults.storeTtl(), defaults.capabilityTtl(),
        defaults.negativeCapabilityTtl(), Duration.ofSeconds(2), Duration.ofMillis(50),
        Duration.ofMillis(400), Duration.ofMinutes(5), defaults.webhookMaxInFlightPerBot(),
        // The platform's own SMSC, and a short wait for a delivered report racing a revoke.
        SmsConfig.defaults().withTimings(SmsConfig.defaults().fallback().timeout(),
            Duration.ofMillis(200)),
        defaults.files(), defaults.store(), defaults.sip());
  }

  public static RunningPlatform start(Vertx vertx, PlatformConfig config) {
    return start(vertx, config, Clock.systemUTC());
  }

  /** A platform whose time is {@code clock}'s (an offset one, say, to be mid-hour). */
  public static RunningPlatform start(Vertx vertx, PlatformConfig config, Clock clock) {
    return new RunningPlatform(vertx, Platform.start(vertx, config, clock).await());
  }

  public int port() {
    return platform.port();
  }

  public HttpRequest<Buffer> request(HttpMethod method, String path) {
    return http.request(method, path);
  }

  public HttpRequest<Buffer> admin(HttpMethod method, String path) {
    return http.request(method, path).bearerTokenAuthentication(ADMIN_TOKEN);
  }

  /** Registers a bot with its webhook; answers the registration (with its secrets). */
  public JsonObject register(String botId, String webhookUrl) {
    return Bots.register(http, ADMIN_TOKEN, new JsonObject().put("botId", botId)
        .put("name", "Bot " + botId).put("webhookUrl", webhookUrl).put("color", "#6F4E37"));
  }

  /** An access token for a registered bot. */
  public String token(JsonObject registration) {
    return Bots.token(http, registration);
  }

  /** POSTs a send request for the bot; answers the raw response. */
  public HttpResponse<Buffer> send(String botId, String token, JsonObject request) {
    return http.post("/bot/v1/" + botId + "/messages").bearerTokenAuthentication(token)
        .sendJsonObject(request).await();
  }

  /** The bot's dead letters once there are {@code count}; fails after 10 s of fewer or more. */
  public JsonArray deadLetters(String botId, int count) {
    return Eventually.until(() -> admin(HttpMethod.GET, "/admin/v1/chatbots/" + botId
            + "/deadletters").send().await().bodyAsJsonObject().getJsonArray("deadLetters"),
        letters -> letters.size() == count, Duration.ofSeconds(10));
  }

  /** Replays the bot's dead letters; answers the admin API's answer. */
  public JsonObject replayDeadLetters(String botId) {
    return admin(HttpMethod.POST, "/admin/v1/chatbots/" + botId + "/deadletters:replay").send()
        .await().bodyAsJsonObject();
  }

  public TestDevice device(String msisdn) {
    return TestDevice.connect(vertx, port(), msisdn, NETWORK_TOKEN);
  }

  @Override
  public void close() {
    http.close();
    platform.stop().await();
  }
}
