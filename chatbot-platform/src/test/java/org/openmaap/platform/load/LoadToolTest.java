package org.openmaap.platform.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.RunningPlatform;

/** The load tool end to end against an in-JVM platform: a smoke test, not a measurement. */
class LoadToolTest {

  @TempDir
  Path dataDir;

  @Test
  void run_openLoopAgainstARunningPlatform_completesEveryRoundTrip() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (RunningPlatform platform = RunningPlatform.start(vertx,
        RunningPlatform.config(dataDir))) {
      LoadSettings settings = LoadSettings.parse(new String[] {
          "--url", "http://localhost:" + platform.port(),
          "--admin-token", RunningPlatform.ADMIN_TOKEN,
          "--network-token", RunningPlatform.NETWORK_TOKEN,
          "--devices", "4", "--rate", "40", "--warmup", "500ms", "--duration", "1s"}, Map.of());
      ByteArrayOutputStream progress = new ByteArrayOutputStream();

      LoadReport report = LoadTool.run(settings, "in-JVM", Optional.empty(),
          new PrintStream(progress, true, StandardCharsets.UTF_8));

      assertThat(report.sent()).isBetween(30L, 50L);
      assertThat(report.completed()).isEqualTo(report.sent());
      assertThat(report.failed() + report.timeouts() + report.errorFrames()).isZero();
      assertThat(report.p50()).isPositive().isLessThanOrEqualTo(report.p99());
      assertThat(report.acceptable(0.99)).isTrue();
      assertThat(report.json().getJsonObject("latencyMs").getDouble("p99")).isPositive();
      assertThat(progress.toString(StandardCharsets.UTF_8)).contains("4 devices connected");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void parse_aRemoteUrl_isRefused() {
    assertThatThrownBy(() -> LoadSettings.parse(new String[] {"--url", "http://example.org:8080",
        "--admin-token", "a", "--network-token", "n"}, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("localhost");
  }
}
