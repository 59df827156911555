package org.openmaap.platform.maap;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.registry.TokenService;

/**
 * {@code POST /oauth2/v1/token}: client credentials in (Basic header or form body), a bearer
 * token out; {@code scope} is ignored.
 */
public final class TokenEndpoint {

  private final TokenService tokens;

  public TokenEndpoint(TokenService tokens) {
    this.tokens = tokens;
  }

  public Future<JsonObject> token(RoutingContext ctx) {
    ctx.response().putHeader("Cache-Control", "no-store");
    var request = ctx.request();
    return Future.succeededFuture(tokens.issue(request.getHeader("Authorization"),
        request.getFormAttribute("grant_type"), request.getFormAttribute("client_id"),
        request.getFormAttribute("client_secret")));
  }
}
