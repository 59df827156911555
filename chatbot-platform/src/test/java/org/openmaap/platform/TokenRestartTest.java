package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An access token outlives a restart of the platform: bots do not start over with 401s. */
class TokenRestartTest {

  @TempDir Path dataDir;

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  @Test
  void tokenIssuedBeforeARestart_isTakenAfterIt() {
    JsonObject registration;
    String token;
    try (RunningPlatform first = RunningPlatform.start(vertx, RunningPlatform.config(dataDir))) {
      registration = first.register("coffee", "http://127.0.0.1:1/hook");
      token = first.token(registration);
      assertThat(first.send("coffee", token, ConversationTest.text("+8613800000001", "one"))
          .statusCode()).isEqualTo(202);
    }

    try (RunningPlatform second = RunningPlatform.start(vertx, RunningPlatform.config(dataDir))) {
      assertThat(second.send("coffee", token, ConversationTest.text("+8613800000001", "two"))
          .statusCode()).isEqualTo(202);
      assertThat(second.send("coffee", token + "x",
          ConversationTest.text("+8613800000001", "three")).statusCode()).isEqualTo(401);
    }
  }
}
