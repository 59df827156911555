package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CrashDurabilityTest {

  private static final int ACKNOWLEDGED_BEFORE_KILL = 2_000;

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void writes_processKilledMidWay_everyCompletedWriteIsInTheReopenedFile() throws Exception {
    Process child = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"),
            CrashWriter.class.getName(), dir.toString())
        .redirectError(dir.resolve("child-stderr.txt").toFile())
        .start();
    List<String> acknowledged = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        acknowledged.add(line);
        if (acknowledged.size() == ACKNOWLEDGED_BEFORE_KILL) {
          // SIGKILL through the handle: Process.destroyForcibly would also close our end of the
          // pipe, losing the lines the child printed just before it died.
          child.toHandle().destroyForcibly();
        }
      }
    }
    // Lines read after the kill was sent were printed before the process died: checked too.
    int exit = child.waitFor();

    SqliteStore store = SqliteStore.open(vertx, dir).await();
    // CrashWriter's messages all wait on RCS for the one user it writes to.
    Set<String> messages = store.waitingFor(CrashWriter.USER).await().stream()
        .map(MessageRow::msgId).collect(Collectors.toSet());
    Set<String> events = store.pendingEvents().await().stream().map(EventRow::eventId)
        .collect(Collectors.toSet());
    store.close().await();

    assertThat(exit).as("killed, not exited").isNotIn(0, 3);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);
    List<String> lost = acknowledged.stream()
        .filter(line -> {
          String id = line.substring(line.indexOf(' ') + 1);
          return !(line.startsWith("message") ? messages : events).contains(id);
        })
        .toList();
    assertThat(lost).as("acknowledged but not in the file").isEmpty();
  }
}
