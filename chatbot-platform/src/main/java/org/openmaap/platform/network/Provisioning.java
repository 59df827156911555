package org.openmaap.platform.network;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.delivery.Capabilities;
import org.openmaap.platform.store.DeviceRow;
import org.openmaap.platform.store.Store;

/** {@code PUT|DELETE /network/v1/devices/{msisdn}}: make a number RCS-capable, or SMS-only. */
public final class Provisioning {

  private final Store store;
  private final Capabilities capabilities;
  private final Clock clock;

  public Provisioning(Store store, Capabilities capabilities, Clock clock) {
    this.store = store;
    this.capabilities = capabilities;
    this.clock = clock;
  }

  public Future<JsonObject> put(RoutingContext ctx) {
    String msisdn = Msisdn.normalize(ctx.pathParam("msisdn"));
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : Bodies.object(ctx);
    Object given = body.getValue("features");
    List<String> features = new ArrayList<>();
    if (given == null) {
      features.addAll(Capabilities.DEFAULT_FEATURES);
    } else if (given instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
      array.forEach(feature -> features.add((String) feature));
    } else {
      throw ApiError.badRequest("wrong_type", "features must be an array of strings");
    }
    DeviceRow device = new DeviceRow(msisdn, List.copyOf(features), clock.instant());
    return store.putDevice(device).map(v -> {
      capabilities.forget(msisdn);
      return new JsonObject().put("msisdn", msisdn).put("features", new JsonArray(features))
          .put("rcs", true);
    });
  }

  public void delete(RoutingContext ctx) {
    String msisdn = Msisdn.normalize(ctx.pathParam("msisdn"));
    store.deleteDevice(msisdn)
        .onSuccess(existed -> {
          capabilities.forget(msisdn);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }
}
