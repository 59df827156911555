package org.openmaap.platform.dialect.ctcu;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Failures;

/**
 * CT/CU's error answers: {@code errorCode} and {@code errorMessage} with API.md's HTTP status, and
 * our violations (JSON pointers into the request) beside them. The field's codes where it has
 * them, ours (documented in the README) for the rest.
 */
public final class CtcuErrors {

  /** The request does not match the schema. */
  static final int SCHEMA = 40008;
  /** No token. */
  static final int NO_TOKEN = 41001;
  /** A bad or expired token. */
  static final int BAD_TOKEN = 40014;
  /** A bad header (ours: also a body that is not JSON). */
  static final int BAD_HEADER = 20002;
  /** A URL that names no media file of the platform. */
  static final int BAD_MEDIA_URL = 40007;
  static final int FORBIDDEN = 40003;
  static final int NOT_FOUND = 40004;
  static final int CONFLICT = 40009;
  static final int GONE = 40010;
  static final int TOO_LARGE = 40013;
  static final int RATE_LIMITED = 40029;
  static final int INTERNAL = 50000;

  private static final String NO_TOKEN_CODE = "ctcu_no_token";

  private CtcuErrors() {}

  static ApiError noToken() {
    return new ApiError(401, NO_TOKEN_CODE, "send Authorization: accessToken <token>; get one from"
        + " POST /bot/v1/{chatbotURI}/accessToken");
  }

  static ApiError badCredentials() {
    return ApiError.unauthorized("the appId or appKey is wrong for this chatbot");
  }

  static ApiError badToken() {
    return ApiError.unauthorized("the accessToken is wrong or expired; get a new one from"
        + " POST /bot/v1/{chatbotURI}/accessToken");
  }

  /** The failure handler of the CT/CU routes. */
  public static void handle(RoutingContext ctx) {
    Failures.handle(ctx, CtcuErrors::write);
  }

  private static void write(HttpServerResponse response, ApiError error) {
    JsonObject body = new JsonObject().put("errorCode", code(error))
        .put("errorMessage", error.getMessage());
    if (!error.violations().isEmpty()) {
      body.put("violations", Failures.violations(error.violations()));
    }
    response.putHeader("Content-Type", "application/json;charset=UTF-8").end(body.encode());
  }

  static int code(ApiError error) {
    return switch (error.status()) {
      case 400 -> switch (error.code()) {
        case "invalid_json", "bad_header" -> BAD_HEADER;
        case "bad_media_url" -> BAD_MEDIA_URL;
        default -> SCHEMA;
      };
      case 401 -> error.code().equals(NO_TOKEN_CODE) ? NO_TOKEN : BAD_TOKEN;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 410 -> GONE;
      case 413 -> TOO_LARGE;
      case 415 -> BAD_HEADER;
      case 429 -> RATE_LIMITED;
      default -> INTERNAL;
    };
  }

}
