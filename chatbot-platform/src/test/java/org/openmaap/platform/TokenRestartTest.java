package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An access token outlives a restart of the platform, and so does its revocation: bots do not
 * start over with 401s, and a rotated secret's tokens do not come back.
 */
class TokenRestartTest {

  private static final String USER = "+8613800000001";

  @TempDir Path dataDir;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** The platform's config: the embedded store in {@code dataDir}; a subclass picks another. */
  PlatformConfig config(Path dataDir) {
    return RunningPlatform.config(dataDir);
  }

  @Test
  void tokenIssuedBeforeARestart_isTakenAfterIt() {
    PlatformConfig config = config(dataDir);
    JsonObject registration;
    String token;
    try (RunningPlatform first = RunningPlatform.start(vertx, config)) {
      registration = first.register("coffee", "http://127.0.0.1:1/hook");
      token = first.token(registration);
      assertThat(first.send("coffee", token, ConversationTest.text(USER, "one"))
          .statusCode()).isEqualTo(202);
    }

    try (RunningPlatform second = RunningPlatform.start(vertx, config)) {
      assertThat(second.send("coffee", token, ConversationTest.text(USER, "two"))
          .statusCode()).isEqualTo(202);
      assertThat(second.send("coffee", token + "x", ConversationTest.text(USER, "three"))
          .statusCode()).isEqualTo(401);
    }
  }

  @Test
  void tokenRevokedBeforeARestart_staysRevokedAfterIt() {
    PlatformConfig config = config(dataDir);
    String old;
    String fresh;
    try (RunningPlatform first = RunningPlatform.start(vertx, config)) {
      JsonObject registration = first.register("coffee", "http://127.0.0.1:1/hook");
      old = first.token(registration);
      JsonObject rotated = first.admin(HttpMethod.POST,
          "/admin/v1/chatbots/coffee/secrets:rotate").send().await().bodyAsJsonObject();
      fresh = first.token(registration.copy()
          .put("clientSecret", rotated.getString("clientSecret")));
      assertThat(first.send("coffee", old, ConversationTest.text(USER, "one")).statusCode())
          .isEqualTo(401);
    }

    try (RunningPlatform second = RunningPlatform.start(vertx, config)) {
      assertThat(second.send("coffee", old, ConversationTest.text(USER, "two")).statusCode())
          .as("the token of the rotated secret").isEqualTo(401);
      assertThat(second.send("coffee", fresh, ConversationTest.text(USER, "three"))
          .statusCode()).as("the token of the new secret").isEqualTo(202);
    }
  }
}
