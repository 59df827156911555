package org.openmaap.platform;

import io.vertx.core.Vertx;

/** Starts the platform from the environment: {@code java -jar chatbot-platform.jar}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PlatformConfig config;
    try {
      config = PlatformConfig.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("openmaap: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    HttpVerticle http = new HttpVerticle(config);
    vertx.deployVerticle(http)
        .onSuccess(id -> System.out.printf(
            "OpenMaaP platform listening on http://localhost:%d (health: /admin/v1/health)%n",
            http.actualPort()))
        .onFailure(e -> {
          System.err.println("openmaap: could not start: " + e.getMessage());
          vertx.close();
          System.exit(1);
        });
    Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await()));
  }
}
