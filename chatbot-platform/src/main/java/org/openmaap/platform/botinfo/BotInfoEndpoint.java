package org.openmaap.platform.botinfo;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * {@code GET /bot?id={botUri}&hl={lang}&ho={operator}&v=3}: a chatbot's information for RCS
 * clients, without credentials, as a real MaaP's botinfo endpoint answers it. The answer carries
 * an ETag made from its content, so a client that sends it back in If-None-Match gets a 304.
 */
public final class BotInfoEndpoint {

  /** How long a client may show what it fetched before it revalidates (with its ETag). */
  static final String CACHE_CONTROL = "public, max-age=300";

  private final ChatbotRegistry registry;
  private final String domain;

  /** The endpoint for the chatbots of {@code registry}, their service URIs in {@code domain}. */
  public BotInfoEndpoint(ChatbotRegistry registry, String domain) {
    this.registry = registry;
    this.domain = domain;
  }

  /** Answers the botinfo JSON of the chatbot {@code id} names, or 304 when the client has it. */
  public void botInfo(RoutingContext ctx) {
    String id = ctx.request().getParam("id");
    String botId = BotUri.botId(id).orElseThrow(() -> ApiError.badRequest("bad_value", id == null
        ? "id is required: the chatbot's service URI, such as sip:mybot@" + domain
        : "id must be a chatbot's service URI, such as sip:mybot@" + domain + "; got '" + id
            + "'"));
    Chatbot chatbot = registry.find(botId).orElseThrow(() -> ApiError.notFound(
        "no chatbot '" + botId + "' on this platform"));
    // hl and ho are read and ignored: a chatbot has one profile, in one language, for everyone.
    Buffer body = BotInfoDocument.of(chatbot, domain).toBuffer();
    String etag = etag(body);
    ctx.response().putHeader("ETag", etag).putHeader("Cache-Control", CACHE_CONTROL);
    if (matches(ctx.request().getHeader("If-None-Match"), etag)) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    ctx.response().putHeader("Content-Type", "application/json").end(body);
  }

  /** A strong validator: the first 128 bits of the SHA-256 of the answer, base64url. */
  static String etag(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return '"' + Base64.getUrlEncoder().withoutPadding()
          .encodeToString(Arrays.copyOf(digest, 16)) + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** RFC 9110 If-None-Match: {@code *}, or a list of tags compared weakly (W/ ignored). */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String candidate = tag.strip();
      if (candidate.equals("*")) {
        return true;
      }
      if (candidate.startsWith("W/")) {
        candidate = candidate.substring(2);
      }
      if (candidate.equals(etag)) {
        return true;
      }
    }
    return false;
  }
}
