package org.openmaap.platform.admin;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.registry.Secrets;

/** Lets a request through only with {@code Authorization: Bearer <admin token>}. */
public final class AdminAuth implements Handler<RoutingContext> {

  private final String adminToken;

  public AdminAuth(String adminToken) {
    this.adminToken = adminToken;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("Authorization");
    String given = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim() : null;
    if (!Secrets.sameSecret(given, adminToken)) {
      ctx.fail(ApiError.unauthorized("the admin API needs Authorization: Bearer <admin token>"));
      return;
    }
    ctx.next();
  }
}
