package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openmaap.card.dialect.OmaJson;
import org.openmaap.card.network.XmlWriter;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Failures;

/**
 * CMCC's error answers: an OMA {@code <common:requestError>} (or its JSON binding, when the
 * request was JSON or accepts it) holding a {@code serviceException} or {@code policyException}
 * ({@code messageId}, {@code text}, {@code variables}) with API.md's HTTP status, and our
 * violations beside it.
 */
public final class CmccErrors {

  static final String COMMON_NS = "urn:oma:xml:rest:netapi:common:1";
  /** A service error; variables name our error code. */
  static final String SERVICE_ERROR = "SVC0001";
  /** Invalid input; variables name the parts (element paths) that are wrong. */
  static final String INVALID_INPUT = "SVC0002";
  /** No valid addresses. */
  static final String NO_VALID_ADDRESS = "SVC0004";
  /** A clientCorrelator (or messageId) used again for another message. */
  static final String DUPLICATE_CORRELATOR = "SVC0005";
  /** A policy error: credentials, permission, size or rate. */
  static final String POLICY_ERROR = "POL0001";
  /** Too many addresses. */
  static final String TOO_MANY_ADDRESSES = "POL0003";

  private static final String UNAUTHORIZED = "cmcc_unauthorized";

  private CmccErrors() {}

  static ApiError unauthorized(String message) {
    return new ApiError(401, UNAUTHORIZED, message);
  }

  /** The failure handler of the CMCC routes. */
  public static void handle(RoutingContext ctx) {
    Failures.handle(ctx, (response, error) -> {
      if (error.status() == 401) {
        response.putHeader("WWW-Authenticate", "Basic realm=\"openmaap\"");
      }
      if (CmccJson.wanted(ctx)) {
        response.putHeader("Content-Type", CmccJson.CONTENT_TYPE)
            .end(jsonBody(error, CmccJson.sent(ctx)));
      } else {
        response.putHeader("Content-Type", CmccXml.CONTENT_TYPE).end(body(error));
      }
    });
  }

  /**
   * The requestError of an error in the JSON binding; when the request was JSON, the violations'
   * element paths are JSON pointers into it.
   */
  static String jsonBody(ApiError error, boolean pointers) {
    String id = exceptionId(error);
    Set<String> paths = new LinkedHashSet<>();
    JsonArray violations = new JsonArray();
    for (Violation v : error.violations()) {
      String path = pointers ? OmaJson.pointer(v.path()) : v.path();
      paths.add(path);
      violations.add(new JsonObject().put("path", path).put("code", v.code().wireName())
          .put("message", v.message())
          .put("severity", v.severity().name().toLowerCase(Locale.ROOT)));
    }
    return CmccJson.requestError(id.startsWith("POL") ? "policyException" : "serviceException",
        id, error.getMessage(), paths.isEmpty() ? List.of(error.code()) : List.copyOf(paths),
        violations);
  }

  /** The requestError document of an error. */
  static String body(ApiError error) {
    String id = exceptionId(error);
    XmlWriter xml = new XmlWriter().open("common:requestError", "xmlns:common", COMMON_NS)
        .open(id.startsWith("POL") ? "policyException" : "serviceException")
        .leaf("messageId", id)
        .leaf("text", CmccXml.clean(error.getMessage()))
        .leaf("variables", variables(error))
        .close();
    if (!error.violations().isEmpty()) {
      xml.open("violations");
      for (Violation v : error.violations()) {
        xml.open("violation")
            .leaf("path", CmccXml.clean(v.path()))
            .leaf("code", v.code().wireName())
            .leaf("message", CmccXml.clean(v.message()))
            .leaf("severity", v.severity().name().toLowerCase(Locale.ROOT))
            .close();
      }
      xml.close();
    }
    return xml.close().toString();
  }

  static String exceptionId(ApiError error) {
    return switch (error.status()) {
      case 400 -> addressesOnly(error, Code.TOO_MANY) ? TOO_MANY_ADDRESSES
          : addressesOnly(error, Code.BAD_PHONE) || addressesOnly(error, Code.REQUIRED)
              ? NO_VALID_ADDRESS : INVALID_INPUT;
      case 415 -> INVALID_INPUT;
      case 409 -> DUPLICATE_CORRELATOR;
      case 401, 403, 413, 429 -> POLICY_ERROR;
      default -> SERVICE_ERROR;
    };
  }

  /** The parts at fault (the violations' paths), else our error code. */
  private static String variables(ApiError error) {
    Set<String> paths = new LinkedHashSet<>();
    error.violations().forEach(v -> paths.add(v.path()));
    return paths.isEmpty() ? error.code() : CmccXml.clean(String.join(" ", paths));
  }

  private static boolean addressesOnly(ApiError error, Code code) {
    return !error.violations().isEmpty() && error.violations().stream().allMatch(v ->
        v.code() == code && CmccXml.isAddress(v.path()));
  }
}
