package org.openmaap.platform.dialect.cmcc;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;
import org.openmaap.card.dialect.OmaJson;
import org.openmaap.card.dialect.OmaXml;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.network.Multipart;
import org.openmaap.platform.ApiError;

/**
 * The JSON binding of the OMA NetAPI envelopes (DIALECTS.md: "a JSON variant exists"): when a
 * request is JSON, or asks for it with {@code Accept}, its answers and errors are JSON too; the
 * envelope is read as the element tree the XML binding gives (card-renderer's {@link OmaJson}).
 */
final class CmccJson {

  static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  private CmccJson() {}

  /** Whether the request's body is JSON (its Content-Type says so). */
  static boolean sent(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && isJson(Multipart.mediaType(type));
  }

  /** Whether the answer is JSON: the request was, or its Accept prefers JSON to XML. */
  static boolean wanted(RoutingContext ctx) {
    if (sent(ctx)) {
      return true;
    }
    String accept = ctx.request().getHeader("Accept");
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String type = Multipart.mediaType(range);
      if (type.endsWith("xml")) {
        return false;
      }
      if (isJson(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The envelope's element tree, its root named {@code name}; a body that is not a JSON object
   * with that one member is a 400 {@code invalid_json}, one too deep a 400 as well.
   */
  static OmaJson.Read envelope(byte[] body, String name) {
    JsonNode tree;
    try {
      tree = CardJson.readTree(body);
    } catch (IOException e) {
      throw ApiError.badRequest("invalid_json", "the body is not JSON: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    OmaJson.Read read = OmaJson.read(tree);
    if (read == null || !OmaXml.is(read.root(), name)) {
      throw ApiError.badRequest("invalid_json", "the body is {\"" + name + "\": {...}}, the OMA"
          + " NetAPI JSON binding of msg:" + name);
    }
    return read;
  }

  /** The resourceReference of a created resource. */
  static String resourceReference(String url) {
    return new JsonObject().put("resourceReference", new JsonObject().put("resourceURL", url))
        .encode();
  }

  /** The messageStatusReport a revoke is answered with. */
  static String statusReport(String status, String address) {
    return new JsonObject().put("messageStatusReport", new JsonObject().put("status", status)
        .put("address", address)).encode();
  }

  /** A requestError, its exception's variables and our violations as the XML one has them. */
  static String requestError(String exception, String id, String text, List<String> variables,
      JsonArray violations) {
    JsonObject error = new JsonObject().put(exception, new JsonObject().put("messageId", id)
        .put("text", text).put("variables", new JsonArray(variables)));
    if (!violations.isEmpty()) {
      error.put("violations", violations);
    }
    return new JsonObject().put("requestError", error).encode();
  }

  private static boolean isJson(String mediaType) {
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
