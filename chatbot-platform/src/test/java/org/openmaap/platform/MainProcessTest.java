package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
}
