package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.maap.RateLimits;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.registry.Dialect;

/**
 * Lets a request to {@code /messaging/…/outbound/{chatbotURI}/…} (or to {@code /Content}, whose
 * path names no chatbot: the appId does) through only with China Mobile's Basic digest of that
 * CMCC chatbot's appId and password over the request's fresh {@code Date}, and names the bot to
 * the handlers after it.
 */
public final class CmccAuth implements Handler<RoutingContext> {

  /** The path parameter holding the chatbot URI (OMA's senderAddress), raw or percent-encoded. */
  public static final String SENDER_ADDRESS = "senderAddress";

  private static final String AUTHENTICATED = "cmccChatbot";

  private final ChatbotRegistry registry;
  private final Clock clock;

  public CmccAuth(ChatbotRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Chatbot bot = null;
    if (ctx.pathParam(SENDER_ADDRESS) != null) {
      try {
        bot = chatbot(ctx);
      } catch (ApiError unknown) {
        ctx.fail(unknown);
        return;
      }
    }
    String header = ctx.request().getHeader("Authorization");
    String date = ctx.request().getHeader("Date");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      ctx.fail(CmccErrors.unauthorized("send Authorization: Basic base64(appId:sha256hex("
          + "sha256hex(password) + Date)) with the Date header the digest used"));
      return;
    }
    if (date == null || date.isBlank()) {
      ctx.fail(CmccErrors.unauthorized("send the Date header (RFC 1123) that the Authorization"
          + " digest was computed over"));
      return;
    }
    if (!CmccDigest.fresh(date, clock.instant())) {
      ctx.fail(CmccErrors.unauthorized("the Date header '" + excerpt(date) + "' is not an RFC"
          + " 1123 date within 5 minutes of now (UTC, or Beijing time labelled GMT)"));
      return;
    }
    String credentials = decode(header.substring(6).trim());
    int colon = credentials == null ? -1 : credentials.indexOf(':');
    if (colon < 0) {
      ctx.fail(CmccErrors.unauthorized("the Basic credentials are not base64(appId:digest)"));
      return;
    }
    String appId = credentials.substring(0, colon);
    Optional<ChatbotRegistry.Client> client = registry.authenticateDigest(appId, date,
        credentials.substring(colon + 1).trim());
    if (client.isEmpty()) {
      ctx.fail(CmccErrors.unauthorized("the appId or the digest is wrong: the digest is"
          + " sha256hex(sha256hex(password) + Date), lowercase hex, over this request's Date"));
    } else if (bot != null && !client.get().botId().equals(bot.botId())) {
      ctx.fail(ApiError.forbidden("this appId belongs to another chatbot than the one in the"
          + " path"));
    } else {
      Chatbot authenticated = bot != null ? bot : registry.find(client.get().botId())
          .filter(found -> found.dialect() == Dialect.CMCC).orElse(null);
      if (authenticated == null) {
        ctx.fail(ApiError.forbidden("this appId belongs to a chatbot registered with another"
            + " dialect than cmcc"));
        return;
      }
      ctx.put(AUTHENTICATED, authenticated);
      ctx.put(RateLimits.BOT_ID, authenticated.botId());
      ctx.next();
    }
  }

  /** The CMCC chatbot this handler let the request through for. */
  Chatbot authenticated(RoutingContext ctx) {
    Chatbot bot = ctx.get(AUTHENTICATED);
    if (bot == null) {
      throw new IllegalStateException("the route has no CmccAuth before its handler");
    }
    return bot;
  }

  /**
   * The CMCC chatbot the request's path names (also given to the rate limits); a chatbot that is
   * unknown, or registered with another dialect, is not found here. The URI's domain is not
   * checked: a bot moved here keeps the URI its operator gave it.
   */
  Chatbot chatbot(RoutingContext ctx) {
    String uri;
    try {
      uri = URLDecoder.decode(ctx.pathParam(SENDER_ADDRESS).replace("+", "%2B"),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("bad_chatbot_uri", "the chatbot URI in the path is not"
          + " percent-encoded correctly: " + e.getMessage());
    }
    int at = uri.indexOf('@');
    String botId = uri.length() < 4 ? "" : uri.substring(4, at < 0 ? uri.length() : at);
    Chatbot bot = registry.find(botId).filter(found -> found.dialect() == Dialect.CMCC)
        .orElseThrow(() -> ApiError.notFound("no CMCC chatbot " + excerpt(uri) + " here"));
    ctx.put(RateLimits.BOT_ID, bot.botId());
    return bot;
  }

  private static String decode(String base64) {
    try {
      return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String excerpt(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
