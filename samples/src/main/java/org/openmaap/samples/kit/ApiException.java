package org.openmaap.samples.kit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A non-2xx answer from the platform, with API.md's error body: status, code and violations. */
public final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient JsonArray violations;

  ApiException(int status, String code, String message, JsonArray violations) {
    super(status + " " + code + ": " + message
        + (violations.isEmpty() ? "" : " " + violations.encode()));
    this.status = status;
    this.code = code;
    this.violations = violations;
  }

  static ApiException of(int status, String body) {
    JsonObject error;
    try {
      error = new JsonObject(body).getJsonObject("error", new JsonObject());
    } catch (RuntimeException notJson) {
      error = new JsonObject().put("message", body);
    }
    return new ApiException(status, error.getString("code", "http_" + status),
        error.getString("message", "no error body"), error.getJsonArray("violations",
            new JsonArray()));
  }

  /** The HTTP status, e.g. 400 or 409. */
  public int status() {
    return status;
  }

  /** The error code, e.g. {@code invalid_card}. */
  public String code() {
    return code;
  }

  /** Each validation violation ({@code path}, {@code code}, {@code message}, {@code severity}). */
  public JsonArray violations() {
    return violations.copy();
  }
}
