package org.openmaap.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Reads JSON request bodies the same way on every surface (415 if not JSON, 400 if malformed),
 * and ends the exchange of a body refused while it streams.
 */
public final class Bodies {

  private static final Duration LINGER = Duration.ofSeconds(2);

  private Bodies() {}

  /** The body as a JSON object. */
  public static JsonObject object(RoutingContext ctx) {
    requireJson(ctx);
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      throw ApiError.badRequest("invalid_json", "the body is empty; send a JSON object");
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException notAnObject) {
      try {
        Json.decodeValue(body);
      } catch (DecodeException e) {
        throw ApiError.badRequest("invalid_json", "the body is not valid JSON: "
            + e.getMessage().lines().findFirst().orElse(""));
      }
      throw ApiError.badRequest("invalid_json", "the body must be a JSON object");
    }
  }

  /** The raw body bytes of a JSON request, for validators that read bytes. */
  public static byte[] bytes(RoutingContext ctx) {
    requireJson(ctx);
    Buffer body = ctx.body().buffer();
    return body == null ? new byte[0] : body.getBytes();
  }

  /**
   * An error answered while the body is still arriving (413 while a huge upload streams) ends the
   * exchange: the rest of the body is read and dropped for a moment, so that the client gets to
   * read the answer (a connection closed on unread data is reset, and the answer lost with it),
   * then the connection is closed.
   */
  public static void stopReading(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded()) {
      return;
    }
    if (request.version() == HttpVersion.HTTP_2) {
      ctx.addEndHandler(done -> ctx.response().reset());
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ctx.addEndHandler(done -> {
      long linger = ctx.vertx().setTimer(LINGER.toMillis(), id -> request.connection().close());
      request.handler(ignored -> {});
      request.endHandler(v -> {
        ctx.vertx().cancelTimer(linger);
        request.connection().close();
      });
      request.resume();
    });
  }

  private static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new ApiError(415, "unsupported_media_type",
          "send the body as application/json, not " + type);
    }
  }
}
