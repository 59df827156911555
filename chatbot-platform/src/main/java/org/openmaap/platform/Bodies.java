package org.openmaap.platform;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads JSON request bodies the same way on every surface: 415 if not JSON, 400 if malformed. */
public final class Bodies {

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

  private static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new ApiError(415, "unsupported_media_type",
          "send the body as application/json, not " + type);
    }
  }
}
