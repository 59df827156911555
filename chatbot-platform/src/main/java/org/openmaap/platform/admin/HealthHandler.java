package org.openmaap.platform.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Liveness and readiness of the platform, for operators and load balancers. */
public final class HealthHandler {

  public Future<JsonObject> health(RoutingContext ctx) {
    return Future.succeededFuture(new JsonObject().put("status", "up"));
  }
}
