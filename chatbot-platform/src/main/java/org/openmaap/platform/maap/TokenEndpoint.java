package org.openmaap.platform.maap;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.registry.TokenService;

/** {@code POST /oauth2/v1/token}: client credentials in, a bearer token out. */
public final class TokenEndpoint {

  private final TokenService tokens;

  public TokenEndpoint(TokenService tokens) {
    this.tokens = tokens;
  }

  public Future<JsonObject> token(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    return Future.succeededFuture(tokens.issue(ctx.request().getHeader("Authorization"),
        ctx.request().getFormAttribute("grant_type")));
  }
}
