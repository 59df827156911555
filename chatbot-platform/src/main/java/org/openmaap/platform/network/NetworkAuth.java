package org.openmaap.platform.network;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.registry.Secrets;

/** Lets a network-side request through only with the network token (Bearer or ?token=). */
public final class NetworkAuth implements Handler<RoutingContext> {

  private final String networkToken;

  public NetworkAuth(String networkToken) {
    this.networkToken = networkToken;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("Authorization");
    String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim()
        : ctx.request().getParam("token");
    if (!Secrets.sameSecret(given, networkToken)) {
      ctx.fail(ApiError.unauthorized("the network side needs the network token, as "
          + "Authorization: Bearer <token> or ?token="));
      return;
    }
    ctx.next();
  }
}
