package org.openmaap.platform.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.delivery.Online;
import org.openmaap.platform.store.Store;

/** Liveness and readiness: the store answers; how many devices are connected. */
public final class HealthHandler {

  private final Store store;
  private final Online online;

  public HealthHandler(Store store, Online online) {
    this.store = store;
    this.online = online;
  }

  public Future<JsonObject> health(RoutingContext ctx) {
    return store.device("+000").map(ignored -> new JsonObject()
            .put("status", "up")
            .put("store", "up")
            .put("devicesConnected", online.count()))
        .recover(e -> Future.failedFuture(new ApiError(503, "unavailable",
            "the store does not answer: " + e.getMessage())));
  }
}
