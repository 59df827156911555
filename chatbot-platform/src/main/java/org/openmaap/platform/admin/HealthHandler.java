package org.openmaap.platform.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.cluster.Nodes;
import org.openmaap.platform.delivery.Online;
import org.openmaap.platform.store.Store;

/**
 * Liveness and readiness: the store answers, whether the SMSC bind is up, how many devices are
 * connected; and this node's id, its database, and the nodes it sees alive.
 */
public final class HealthHandler {

  private final Store store;
  private final Online online;
  private final String smsMode;
  private final BooleanSupplier smscBound;
  private final Nodes nodes;

  /**
   * Health of the store and devices, of the SMSC bind ({@code smsMode}: external, embedded, off),
   * and of the cluster as {@code nodes} sees it.
   */
  public HealthHandler(Store store, Online online, String smsMode, BooleanSupplier smscBound,
      Nodes nodes) {
    this.store = store;
    this.online = online;
    this.smsMode = smsMode;
    this.smscBound = smscBound;
    this.nodes = nodes;
  }

  public Future<JsonObject> health(RoutingContext ctx) {
    return nodes.seen().map(seen -> new JsonObject()
            .put("status", "up")
            .put("store", "up")
            .put("database", nodes.database())
            .put("node", nodes.node())
            .put("nodes", new JsonArray(seen))
            .put("devicesConnected", online.count())
            .put("smsc", new JsonObject().put("mode", smsMode)
                .put("bound", smscBound.getAsBoolean())))
        .recover(e -> Future.failedFuture(new ApiError(503, "unavailable",
            "the store does not answer: " + e.getMessage())));
  }
}
