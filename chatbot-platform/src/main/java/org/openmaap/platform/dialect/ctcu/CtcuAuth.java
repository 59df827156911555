package org.openmaap.platform.dialect.ctcu;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.maap.RateLimits;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.registry.Dialect;
import org.openmaap.platform.registry.TokenService;

/**
 * Lets a request to {@code /bot/v1/{chatbotURI}/…} through only with an access token of that CT/CU
 * chatbot ({@code Authorization: accessToken <token>}, or the bare token), and names the bot to the
 * handlers after it.
 */
public final class CtcuAuth implements Handler<RoutingContext> {

  /** The path parameter holding the chatbot URI, raw or percent-encoded. */
  public static final String CHATBOT_URI = "chatbotUri";

  private final ChatbotRegistry registry;
  private final TokenService tokens;
  private final String domain;

  public CtcuAuth(ChatbotRegistry registry, TokenService tokens, String domain) {
    this.registry = registry;
    this.tokens = tokens;
    this.domain = domain;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Chatbot bot = chatbot(ctx);
    String header = ctx.request().getHeader("Authorization");
    if (header == null || header.isBlank()) {
      ctx.fail(CtcuErrors.noToken());
      return;
    }
    String token = header.trim();
    if (token.regionMatches(true, 0, "accessToken ", 0, 12)) {
      token = token.substring(12).trim();
    }
    Optional<String> owner = tokens.botOf("Bearer " + token);
    if (owner.isEmpty()) {
      ctx.fail(CtcuErrors.badToken());
    } else if (!owner.get().equals(bot.botId())) {
      ctx.fail(ApiError.forbidden("this accessToken belongs to another chatbot than "
          + bot.serviceUri(domain)));
    } else {
      ctx.next();
    }
  }

  /**
   * The CT/CU chatbot the request's path names (also given to the rate limits); a chatbot that is
   * unknown, or registered with another dialect, is not found here.
   */
  Chatbot chatbot(RoutingContext ctx) {
    String uri = URLDecoder.decode(ctx.pathParam(CHATBOT_URI).replace("+", "%2B"),
        StandardCharsets.UTF_8);
    int at = uri.indexOf('@');
    String botId = uri.substring(4, at < 0 ? uri.length() : at);
    Chatbot bot = registry.find(botId).filter(found -> found.dialect() == Dialect.CTCU)
        .orElseThrow(() -> ApiError.notFound("no CT/CU chatbot " + uri + " here"));
    ctx.put(RateLimits.BOT_ID, bot.botId());
    return bot;
  }
}
