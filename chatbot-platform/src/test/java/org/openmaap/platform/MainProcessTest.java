package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.TestPostgres;

/** {@link Main} as an operator runs it: a JVM of its own, stopped with SIGTERM. */
class MainProcessTest {

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private ChildPlatform child;

  @AfterEach
  void cleanUp() {
    if (child != null && child.isAlive()) {
      child.kill();
    }
    vertx.close().await();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void sigterm_runningPlatform_stopsCleanlyAndExits() throws Exception {
    child = ChildPlatform.start(Map.of(
            "OPENMAAP_PORT", Integer.toString(ChildPlatform.freePort()),
            "OPENMAAP_DATA_DIR", dataDir.toString(),
            "OPENMAAP_ADMIN_TOKEN", "admin",
            "OPENMAAP_NETWORK_TOKEN", "network"),
        Path.of("target", "main-process-test", "platform.log"));
    child.awaitHealthy(vertx, Duration.ofSeconds(30));

    int exit = child.terminate(Duration.ofSeconds(15));

    assertThat(exit).isEqualTo(ChildPlatform.TERMINATED);
    assertThat(child.errors()).as("errors in " + child.log()).isEmpty();
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void databaseUrlNoServerAnswers_exitsNamingItsHostButNotThePassword() throws Exception {
    child = ChildPlatform.start(Map.of(
            "OPENMAAP_PORT", Integer.toString(ChildPlatform.freePort()),
            "OPENMAAP_DATA_DIR", dataDir.toString(),
            "OPENMAAP_ADMIN_TOKEN", "admin",
            "OPENMAAP_NETWORK_TOKEN", "network",
            // Nothing listens on port 1: the connection is refused at once.
            "OPENMAAP_DATABASE_URL", "postgresql://someone:hunter2@127.0.0.1:1/nothing"),
        Path.of("target", "main-process-test", "no-database.log"));

    int exit = child.exitCode(Duration.ofSeconds(30));

    String log = Files.readString(child.log(), StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(1);
    assertThat(log).contains("openmaap: could not start: could not reach the PostgreSQL database"
        + " at 127.0.0.1:1/nothing").doesNotContain("hunter2");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void postgresqlWithoutANodeId_printsTheIdItMadeUp_andHealthShowsIt() throws Exception {
    String schema = TestPostgres.freshSchema();
    try {
      child = ChildPlatform.start(Map.of(
              "OPENMAAP_PORT", Integer.toString(ChildPlatform.freePort()),
              "OPENMAAP_DATA_DIR", dataDir.toString(),
              "OPENMAAP_ADMIN_TOKEN", "admin",
              "OPENMAAP_NETWORK_TOKEN", "network",
              "OPENMAAP_SMS_MODE", "off",
              "OPENMAAP_DATABASE_URL", schema),
          Path.of("target", "main-process-test", "generated-node-id.log"));
      child.awaitHealthy(vertx, Duration.ofSeconds(30));

      Matcher printed = Pattern.compile("^  node: +(node-[0-9a-f]{8})$", Pattern.MULTILINE)
          .matcher(Files.readString(child.log(), StandardCharsets.UTF_8));
      JsonObject health = child.health(vertx);

      assertThat(printed.find()).as("the node id line in " + child.log()).isTrue();
      assertThat(health.getString("node")).isEqualTo(printed.group(1));
      assertThat(child.terminate(Duration.ofSeconds(15))).isEqualTo(ChildPlatform.TERMINATED);
    } finally {
      TestPostgres.drop(schema);
    }
  }
}
