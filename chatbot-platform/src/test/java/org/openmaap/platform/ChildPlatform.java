package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as a separate JVM ({@code java -cp <this classpath> Main}), its output in a log
 * file, for tests that kill it: SIGKILL mid-way, SIGTERM at the end.
 */
final class ChildPlatform {

  /** How a JVM's exit code reads after SIGKILL (128 + 9) and after SIGTERM (128 + 15). */
  static final int KILLED = 137;
  static final int TERMINATED = 143;

  private final Process process;
  private final Path log;
  private final int port;

  private ChildPlatform(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts {@link Main} with exactly these OPENMAAP_* variables, its output going to a log. */
  static ChildPlatform start(Map<String, String> openmaapEnv, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OPENMAAP_"));
    builder.environment().putAll(openmaapEnv);
    return new ChildPlatform(builder.start(), log,
        Integer.parseInt(openmaapEnv.get("OPENMAAP_PORT")));
  }

  /** Polls GET /admin/v1/health until it answers 200; fails if the child exits first. */
  void awaitHealthy(Vertx vertx, Duration within) {
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(port).setConnectTimeout(500));
    try {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline) {
        requireAlive();
        try {
          if (http.get("/admin/v1/health").timeout(1000).send().await().statusCode() == 200) {
            return;
          }
        } catch (Exception notYet) {
          // Not listening yet: await() rethrows the connect failure as it is, checked or not.
        }
        sleep(50);
      }
      throw new AssertionError("the platform (pid " + pid() + ") was not healthy within "
          + within.toMillis() + " ms; its log ends with:\n" + tail(30));
    } finally {
      http.close();
    }
  }

  /** The child's GET /admin/v1/health answer. */
  JsonObject health(Vertx vertx) {
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(port));
    try {
      return http.get("/admin/v1/health").send().await().bodyAsJsonObject();
    } finally {
      http.close();
    }
  }

  /** A port free now, for a child that must come back on the same port after a restart. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Fails, with the end of the child's log, when the child has exited without being told to. */
  void requireAlive() {
    if (!process.isAlive()) {
      throw new AssertionError("the platform (pid " + pid() + ") died on its own with exit code "
          + process.exitValue() + "; its log ends with:\n" + tail(30));
    }
  }

  /** Sends SIGKILL (ProcessHandle.destroyForcibly on Linux) and answers the exit code. */
  int kill() {
    process.toHandle().destroyForcibly();
    return exitWithin(Duration.ofSeconds(10));
  }

  /** Sends SIGTERM, which runs the shutdown hook (a clean stop), and answers the exit code. */
  int terminate(Duration within) {
    process.toHandle().destroy();
    return exitWithin(within);
  }

  /** Waits for the child to exit by itself and answers the exit code; kills it if it does not. */
  int exitCode(Duration within) {
    return exitWithin(within);
  }

  private int exitWithin(Duration within) {
    try {
      return exitOrDump(within);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for the platform to exit", e);
    }
  }

  private int exitOrDump(Duration within) throws InterruptedException {
    if (process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      return process.exitValue();
    }
    String before = tail(30);
    dumpThreads();
    process.toHandle().destroyForcibly();
    process.waitFor();
    throw new AssertionError("the platform (pid " + pid() + ") did not exit within "
        + within.toMillis() + " ms; its threads are at the end of " + log
        + "; before them its log ended with:\n" + before);
  }

  /** SIGQUIT: the JVM prints its threads to the log, showing what it is stuck on. */
  private void dumpThreads() throws InterruptedException {
    try {
      new ProcessBuilder("kill", "-QUIT", Long.toString(pid())).start().waitFor();
      Thread.sleep(1000);
    } catch (IOException noKillCommand) {
      // No thread dump then; the failure still names the log.
    }
  }

  /** Log lines that report an error: SEVERE records and exceptions that escaped a thread. */
  List<String> errors() {
    return lines().stream()
        .filter(line -> line.startsWith("SEVERE") || line.startsWith("Exception in thread"))
        .toList();
  }

  String tail(int count) {
    List<String> lines = lines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  Path log() {
    return log;
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
