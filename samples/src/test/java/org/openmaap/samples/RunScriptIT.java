package org.openmaap.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openmaap.platform.Eventually;

/**
 * {@code ./run.sh} exactly as the README tells a newcomer to run it, after the build has made the
 * demo jar: it starts without building again, says "ready", serves the simulator and the preview,
 * and Ctrl-C stops it cleanly.
 */
class RunScriptIT {

  /** How a JVM's exit code reads after SIGINT, which is what Ctrl-C sends. */
  private static final int INTERRUPTED = 130;

  private final Vertx vertx = Vertx.vertx();
  private final Path log = Path.of("target", "run-script-it", "run.log");
  private Process run;

  @AfterEach
  void cleanUp() throws InterruptedException {
    // SIGTERM first, so that a failed test still lets the demo remove its data directory.
    if (run != null && run.isAlive()) {
      run.destroy();
      if (!run.waitFor(30, TimeUnit.SECONDS)) {
        run.destroyForcibly();
      }
    }
    vertx.close().await();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void runSh_startsTheDemoWithoutRebuilding_andCtrlCStopsIt() throws Exception {
    Path script = Path.of(System.getProperty("openmaap.runScript", "../run.sh"));
    int port = freePort();
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OPENMAAP_"));
    builder.environment().put("OPENMAAP_PORT", Integer.toString(port));
    run = builder.start();

    String output = Eventually.until(this::output, text -> text.contains("OpenMaaP demo ready.")
        || !run.isAlive(), Duration.ofSeconds(90));

    assertThat(run.isAlive()).as(output).isTrue();
    assertThat(output).as("the jar was fresh; run.sh must not build").doesNotContain("Building");
    WebClient http = WebClient.create(vertx);
    for (String page : new String[] {"/simulator", "/preview"}) {
      assertThat(http.getAbs("http://localhost:" + port + page).send().await().statusCode())
          .as(page).isEqualTo(200);
    }
    http.close();

    // run.sh execs java, so its pid is the demo's, as the terminal's Ctrl-C would find it.
    new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();

    assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
    assertThat(run.exitValue()).isEqualTo(INTERRUPTED);
    assertThat(output()).contains("OpenMaaP demo stopped.");
  }

  private String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
