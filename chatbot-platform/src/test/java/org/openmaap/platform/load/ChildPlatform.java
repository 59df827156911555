package org.openmaap.platform.load;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The platform as its own JVM, started from this JVM's classpath exactly as {@code java -jar}
 * starts it (same main class, configured by the environment), on a fresh data dir.
 */
final class ChildPlatform implements AutoCloseable {

  private static final long READY_WITHIN_MILLIS = 60_000;

  private final Process process;
  private final Path dir;
  private final int port;
  private final boolean keep;
  final String adminToken;
  final String networkToken;

  private ChildPlatform(Process process, Path dir, int port, boolean keep, String adminToken,
      String networkToken) {
    this.process = process;
    this.dir = dir;
    this.port = port;
    this.keep = keep;
    this.adminToken = adminToken;
    this.networkToken = networkToken;
  }

  static ChildPlatform start(List<String> jvmArgs, boolean keep) throws IOException {
    return start(jvmArgs, keep, Map.of());
  }

  /** A platform with these environment variables added (OPENMAAP_CONFIG, say). */
  static ChildPlatform start(List<String> jvmArgs, boolean keep, Map<String, String> env)
      throws IOException {
    Path dir = Files.createTempDirectory("openmaap-load-");
    int port = freePort();
    String adminToken = "load-admin-" + UUID.randomUUID();
    String networkToken = "load-network-" + UUID.randomUUID();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.openmaap.platform.Main");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("platform.log").toFile());
    builder.environment().put("OPENMAAP_PORT", Integer.toString(port));
    builder.environment().put("OPENMAAP_DATA_DIR", dir.resolve("data").toString());
    builder.environment().put("OPENMAAP_ADMIN_TOKEN", adminToken);
    builder.environment().put("OPENMAAP_NETWORK_TOKEN", networkToken);
    builder.environment().putAll(env);
    return new ChildPlatform(builder.start(), dir, port, keep, adminToken, networkToken);
  }

  ProcessHandle process() {
    return process.toHandle();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port);
  }

  Path log() {
    return dir.resolve("platform.log");
  }

  /** Waits until the health endpoint answers 200, or fails with the platform's log. */
  void awaitReady() throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + READY_WITHIN_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the platform exited with " + process.exitValue() + ":\n"
            + Files.readString(log()));
      }
      try {
        HttpURLConnection health = (HttpURLConnection) url().resolve("/admin/v1/health").toURL()
            .openConnection();
        health.setConnectTimeout(1000);
        health.setReadTimeout(1000);
        if (health.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(100);
    }
    throw new IOException("the platform did not answer /admin/v1/health within "
        + READY_WITHIN_MILLIS / 1000 + " s; its log is " + log());
  }

  /** SIGTERM, as an operator would stop it; then the data dir goes unless it is to be kept. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        System.err.println("load: the platform did not exit within 30 s of SIGTERM; killing it");
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (keep) {
      System.err.println("load: kept the platform's data and log in " + dir);
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("load: could not delete " + dir + ": " + e.getMessage());
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
