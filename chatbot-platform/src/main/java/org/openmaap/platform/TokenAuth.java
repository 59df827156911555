package org.openmaap.platform;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.registry.Secrets;

/**
 * Lets a request through only with one configured token: the admin token on the admin API, the
 * network token on the network side (which also takes it as {@code ?token=}, for WebSockets).
 */
public final class TokenAuth implements Handler<RoutingContext> {

  private final String token;
  private final boolean queryParameter;
  private final String hint;

  private TokenAuth(String token, boolean queryParameter, String hint) {
    this.token = token;
    this.queryParameter = queryParameter;
    this.hint = hint;
  }

  /** The admin API's guard. */
  public static TokenAuth admin(String adminToken) {
    return new TokenAuth(adminToken, false,
        "the admin API needs Authorization: Bearer <admin token>");
  }

  /** The network side's guard. */
  public static TokenAuth network(String networkToken) {
    return new TokenAuth(networkToken, true,
        "the network side needs the network token, as Authorization: Bearer <token> or ?token=");
  }

  @Override
  public void handle(RoutingContext ctx) {
    String given = bearer(ctx.request().getHeader("Authorization"));
    if (given == null && queryParameter) {
      given = ctx.request().getParam("token");
    }
    if (!Secrets.sameSecret(given, token)) {
      ctx.fail(ApiError.unauthorized(hint));
      return;
    }
    ctx.next();
  }

  /** The token of an {@code Authorization: Bearer <token>} header, or null. */
  public static String bearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).trim()
        : null;
  }
}
