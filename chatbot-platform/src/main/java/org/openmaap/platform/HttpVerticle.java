package org.openmaap.platform;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.openmaap.platform.admin.HealthHandler;

/** The one HTTP server: every surface of API.md is routed from here. */
public final class HttpVerticle extends VerticleBase {

  private final PlatformConfig config;
  private HttpServer server;

  public HttpVerticle(PlatformConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/admin/v1/health").respond(new HealthHandler()::health);
    return vertx.createHttpServer()
        .requestHandler(router)
        .listen(config.port())
        .onSuccess(s -> server = s);
  }

  /** The port the server listens on (useful when configured with port 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
