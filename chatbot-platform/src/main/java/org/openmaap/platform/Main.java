package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.openmaap.platform.registry.Secrets;

/** Starts the platform: {@code java -jar chatbot-platform.jar}, configured as README describes. */
public final class Main {

  static final String GENERATED_TOKENS = "generated-tokens.json";

  private Main() {}

  public static void main(String[] args) {
    PlatformConfig config;
    try {
      config = withTokens(PlatformConfig.load(System.getenv()));
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("openmaap: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    PlatformConfig started = config;
    Platform.start(vertx, config, Clock.systemUTC())
        .onSuccess(platform -> {
          System.out.printf("OpenMaaP platform listening on http://localhost:%d%n",
              platform.port());
          System.out.printf("  data:          %s%n", started.dataDir().toAbsolutePath());
          System.out.printf("  admin token:   %s%n", started.adminToken());
          System.out.printf("  network token: %s%n", started.networkToken());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(platform, vertx),
              "openmaap-shutdown"));
        })
        .onFailure(e -> {
          System.err.println("openmaap: could not start: " + e.getMessage());
          vertx.close();
          System.exit(1);
        });
  }

  /**
   * Stops the platform, then Vert.x, each awaited from this plain thread: a future chained onto
   * the platform's (vertx.close() in eventually) would complete on an event loop that close()
   * has just shut down, so never, and the JVM would hang on SIGTERM.
   */
  private static void stop(Platform platform, Vertx vertx) {
    try {
      platform.stop().await();
    } catch (Exception e) {
      System.err.println("openmaap: stopping did not finish cleanly: " + e.getMessage());
    }
    vertx.close().await();
  }

  /**
   * The config with both tokens: from the config or environment, else the ones generated on an
   * earlier start (kept in the data dir), else new ones, generated and saved now.
   */
  static PlatformConfig withTokens(PlatformConfig config) throws IOException {
    if (config.adminToken() != null && config.networkToken() != null) {
      return config;
    }
    Path file = config.dataDir().resolve(GENERATED_TOKENS);
    JsonObject saved = Files.isRegularFile(file)
        ? new JsonObject(Files.readString(file, StandardCharsets.UTF_8))
        : new JsonObject();
    String admin = config.adminToken() != null ? config.adminToken()
        : saved.getString("adminToken", Secrets.newSecret());
    String network = config.networkToken() != null ? config.networkToken()
        : saved.getString("networkToken", Secrets.newSecret());
    JsonObject generated = new JsonObject();
    if (config.adminToken() == null) {
      generated.put("adminToken", admin);
    }
    if (config.networkToken() == null) {
      generated.put("networkToken", network);
    }
    if (!generated.equals(saved)) {
      Files.createDirectories(config.dataDir());
      Files.writeString(file, generated.encodePrettily(), StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system; the file keeps its default permissions.
      }
    }
    return config.withTokens(admin, network);
  }
}
