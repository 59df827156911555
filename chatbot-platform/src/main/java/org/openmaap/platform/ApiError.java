package org.openmaap.platform;

import java.util.List;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.failure.Conflict;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.failure.Refusal;
import org.openmaap.platform.failure.TooLarge;
import org.openmaap.platform.failure.Unauthenticated;
import org.openmaap.platform.failure.UnsupportedType;

/** A failure an HTTP client must see as API.md's error body, with its status and code. */
public final class ApiError extends RuntimeException {

  private final int status;
  private final String code;
  private final List<Violation> violations;
  private final Long retryAfterSeconds;

  public ApiError(int status, String code, String message) {
    this(status, code, message, List.of(), null);
  }

  private ApiError(int status, String code, String message, List<Violation> violations,
      Long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.violations = List.copyOf(violations);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The error a client sees for a refusal of the domain: API.md's status and code for it. */
  public static ApiError of(Refusal refusal) {
    String message = refusal.getMessage();
    if (refusal instanceof NotFound) {
      return notFound(message);
    }
    if (refusal instanceof Conflict) {
      return conflict(message);
    }
    if (refusal instanceof Invalid invalid) {
      return invalid(invalid.code(), message, invalid.violations());
    }
    if (refusal instanceof Unauthenticated) {
      return unauthorized(message);
    }
    if (refusal instanceof TooLarge tooLarge) {
      return new ApiError(413, tooLarge.code(), message);
    }
    if (refusal instanceof UnsupportedType) {
      return new ApiError(415, "unsupported_media_type", message);
    }
    throw new IllegalArgumentException("no API error stands for " + refusal.getClass().getName());
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  /** A 400 listing the violations that made a body invalid. */
  public static ApiError invalid(String code, String message, List<Violation> violations) {
    return new ApiError(400, code, message, violations, null);
  }

  public static ApiError unauthorized(String message) {
    return new ApiError(401, "unauthorized", message);
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "forbidden", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "conflict", message);
  }

  public static ApiError tooManyRequests(String message, long retryAfterSeconds) {
    return new ApiError(429, "rate_limited", message, List.of(), retryAfterSeconds);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Seconds for the Retry-After header, or null. */
  public Long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
