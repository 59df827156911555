package org.openmaap.platform.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.delivery.Online;
import org.openmaap.platform.store.Store;

/** Liveness and readiness: the store answers, whether the SMSC bind is up, how many devices are connected. */
public final class HealthHandler {

  private final Store store;
  private final Online online;
  private final String smsMode;
  private final BooleanSupplier smscBound;

  /** Health of the store and devices, and of the SMSC bind ({@code smsMode}: external, embedded, off). */
  public HealthHandler(Store store, Online online, String smsMode, BooleanSupplier smscBound) {
    this.store = store;
    this.online = online;
    this.smsMode = smsMode;
    this.smscBound = smscBound;
  }

  public Future<JsonObject> health(RoutingContext ctx) {
    return store.device("+000").map(ignored -> new JsonObject()
            .put("status", "up")
            .put("store", "up")
            .put("devicesConnected", online.count())
            .put("smsc", new JsonObject().put("mode", smsMode)
                .put("bound", smscBound.getAsBoolean())))
        .recover(e -> Future.failedFuture(new ApiError(503, "unavailable",
            "the store does not answer: " + e.getMessage())));
  }
}
