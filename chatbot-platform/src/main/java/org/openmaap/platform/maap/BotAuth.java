package org.openmaap.platform.maap;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.registry.TokenService;

/** Lets a request to /bot/v1/{botId} through only with a valid token of that same bot. */
public final class BotAuth implements Handler<RoutingContext> {

  private final TokenService tokens;

  public BotAuth(TokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String botId = tokens.botOf(ctx.request().getHeader("Authorization")).orElse(null);
    if (botId == null) {
      ctx.fail(ApiError.unauthorized("send a valid access token as Authorization: Bearer <token>;"
          + " get one from POST /oauth2/v1/token"));
    } else if (!botId.equals(ctx.pathParam("botId"))) {
      ctx.fail(ApiError.forbidden("this token belongs to chatbot '" + botId
          + "' and cannot act for '" + ctx.pathParam("botId") + "'"));
    } else {
      ctx.next();
    }
  }
}
