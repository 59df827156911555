package org.openmaap.platform;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openmaap.platform.registry.Secrets;
import org.openmaap.platform.store.SqliteStore;

/** Starts the platform: {@code java -jar chatbot-platform.jar}, configured as README describes. */
public final class Main {

  static final String GENERATED_TOKENS = "generated-tokens.json";
  private static final long SHUTDOWN_SECONDS = 30;

  private Main() {}

  public static void main(String[] args) {
    PlatformConfig config;
    try {
      config = withNodeId(withTokens(PlatformConfig.load(System.getenv())));
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
          System.out.printf("  store:         %s%n", started.store().postgresql()
              ? "PostgreSQL " + started.store().database().redacted()
              : "SQLite " + started.dataDir().resolve(SqliteStore.FILE_NAME).toAbsolutePath());
          System.out.printf("  node:          %s%n", started.store().nodeId());
          System.out.printf("  admin token:   %s%n", started.adminToken());
          System.out.printf("  network token: %s%n", started.networkToken());
          Runtime.getRuntime().addShutdownHook(new Thread(() -> shutDown(platform, vertx),
              "openmaap-shutdown"));
        })
        .onFailure(e -> {
          System.err.println("openmaap: could not start: " + e.getMessage());
          vertx.close();
          System.exit(1);
        });
  }

  /** On SIGTERM: stop serving, let in-flight work finish, flush the store, then close Vert.x. */
  private static void shutDown(Platform platform, Vertx vertx) {
    System.out.println("OpenMaaP platform stopping");
    // Wait from this thread, one step at a time: chaining vertx.close() onto the stop future
    // would complete it on an event loop that close() has already shut down.
    waitFor(platform.stop(), "stopping the platform");
    waitFor(vertx.close(), "closing Vert.x");
    System.out.println("OpenMaaP platform stopped");
  }

  private static void waitFor(io.vertx.core.Future<?> future, String what) {
    try {
      future.toCompletionStage().toCompletableFuture().get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      System.err.println("openmaap: " + what + " failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      System.err.println("openmaap: " + what + " took longer than " + SHUTDOWN_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The config with its node id decided (generated once per start when none is configured). */
  static PlatformConfig withNodeId(PlatformConfig config) {
    return config.withStore(config.store().withNodeId(config.store().nodeIdOrNew()));
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
