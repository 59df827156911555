package org.openmaap.platform;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.failure.Refusal;

/**
 * The one failure handler: every failed route answers with API.md's error body, whose
 * {@code reason} repeats the code and message where FNW.11 client SDKs read them; a domain
 * {@link Refusal} is shown as the error it stands for.
 */
public final class Failures {

  private static final Logger LOG = Logger.getLogger(Failures.class.getName());

  private Failures() {}

  /** How a surface writes an error's body (and any header of its own) on the answer. */
  @FunctionalInterface
  public interface ErrorBody {
    void write(HttpServerResponse response, ApiError error);
  }

  /** API.md's error body, the shape FNW.11 client SDKs read. */
  private static final ErrorBody GSMA = (response, error) -> {
    JsonObject body = new JsonObject()
        .put("status", error.status())
        .put("code", error.code())
        .put("message", error.getMessage());
    if (!error.violations().isEmpty()) {
      body.put("violations", violations(error.violations()));
    }
    response.putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", body).put("reason", new JsonObject()
            .put("code", error.code()).put("text", error.getMessage())).encode());
  };

  /** The failure handler of API.md's routes. */
  public static void handle(RoutingContext ctx) {
    handle(ctx, GSMA);
  }

  /**
   * Answers a failed route with the error it stands for, its body written by {@code body} (a
   * dialect's shape); an answer already begun is cut off instead.
   */
  public static void handle(RoutingContext ctx, ErrorBody body) {
    ApiError error = toApiError(ctx);
    if (ctx.response().ended()) {
      return;
    }
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (error.retryAfterSeconds() != null) {
      ctx.response().putHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    body.write(ctx.response().setStatusCode(error.status()), error);
  }

  /** Violations as every error body lists them. */
  public static JsonArray violations(List<Violation> violations) {
    JsonArray json = new JsonArray();
    violations.forEach(v -> json.add(new JsonObject(CardJson.write(v))));
    return json;
  }

  /** The API error a failed route stands for (a dialect renders it in its own shape). */
  public static ApiError toApiError(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ApiError api) {
      return api;
    }
    if (failure instanceof Refusal refusal) {
      return ApiError.of(refusal);
    }
    if (failure instanceof DecodeException) {
      return ApiError.badRequest("invalid_json", "the body is not valid JSON");
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : ctx.statusCode();
    return switch (status) {
      case 400 -> ApiError.badRequest("bad_request", "the request is malformed");
      case 401 -> ApiError.unauthorized("credentials are missing or wrong");
      case 403 -> ApiError.forbidden("not allowed");
      case 404 -> ApiError.notFound("no such resource: " + ctx.request().path());
      case 405 -> new ApiError(405, "method_not_allowed",
          ctx.request().method() + " is not allowed on " + ctx.request().path());
      case 413 -> new ApiError(413, "too_large", "the body is larger than this endpoint accepts");
      case 415 -> new ApiError(415, "unsupported_media_type", "send the body as application/json");
      case 503 -> new ApiError(503, "unavailable", "the platform is overloaded or shutting down");
      default -> {
        LOG.log(Level.SEVERE, "unexpected failure on " + ctx.request().method() + " "
            + ctx.request().path(), failure);
        yield new ApiError(500, "internal", "the platform failed; this is a bug, please report it");
      }
    };
  }
}
