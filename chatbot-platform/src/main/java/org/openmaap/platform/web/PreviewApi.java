package org.openmaap.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.Document;
import org.openmaap.card.sms.Segment;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsRendering;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.dialect.Dialects;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.TokenBucket;

/**
 * {@code POST /preview/v1/render}: any rich content in, the phone's HTML, the SMS fallback with
 * its segments, and the violations out. Stateless, unauthenticated, rate-limited per client.
 */
public final class PreviewApi {

  /** Members that mark a bare RCSMessage body, which the preview accepts unwrapped too. */
  private static final Set<String> CONTENT_MEMBERS = Set.of("textMessage", "fileMessage",
      "audioMessage", "geolocationPushMessage", "richcardMessage", "isTyping",
      "suggestedResponse", "suggestedChipList");
  private static final String WRAPPER = "/RCSMessage";

  private final int perSecond;
  private final LongSupplier nanoTime;
  private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();

  public PreviewApi(int perSecondPerClient, LongSupplier nanoTime) {
    this.perSecond = perSecondPerClient;
    this.nanoTime = nanoTime;
  }

  /** Limits each client address to {@code perSecond} renders a second. */
  public Handler<RoutingContext> limit() {
    return ctx -> {
      String client = ctx.request().remoteAddress() == null ? "unknown"
          : ctx.request().remoteAddress().hostAddress();
      long wait = clients.computeIfAbsent(client, c -> new TokenBucket())
          .take(perSecond, nanoTime.getAsLong());
      if (wait > 0) {
        long seconds = TokenBucket.retryAfterSeconds(wait);
        ctx.fail(ApiError.tooManyRequests("the preview renders at most " + perSecond
            + " documents a second per client", seconds));
        return;
      }
      ctx.next();
    };
  }

  public Future<JsonObject> render(RoutingContext ctx) {
    Validation validation = Dialects.validate(isXml(ctx) ? xml(ctx) : Bodies.bytes(ctx));
    boolean wrapped = isBareContent(validation.tree());
    if (wrapped) {
      validation = Validator.validateTree(
          JsonNodeFactory.instance.objectNode().set("RCSMessage", validation.tree()));
    }
    JsonObject answer = new JsonObject().put("violations",
        violations(validation, wrapped));
    if (validation.valid()) {
      Document document = validation.document();
      answer.put("html", HtmlPreview.render(document));
      answer.put("sms", sms(document));
    }
    return Future.succeededFuture(answer);
  }

  /** Whether the body is declared XML: a CMCC outboundMessageRequest. */
  private static boolean isXml(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    return type != null && type.toLowerCase(Locale.ROOT).contains("xml");
  }

  private static byte[] xml(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    return body == null ? new byte[0] : body.getBytes();
  }

  private static boolean isBareContent(JsonNode tree) {
    if (tree == null || !tree.isObject() || tree.has("RCSMessage") || tree.has("message")
        || tree.has("suggestions") || tree.has("response") || tree.has("sharedData")) {
      return false;
    }
    for (var names = tree.fieldNames(); names.hasNext(); ) {
      if (CONTENT_MEMBERS.contains(names.next())) {
        return true;
      }
    }
    return false;
  }

  /** The violations, with paths into the document as the user typed it. */
  private static JsonArray violations(Validation validation, boolean wrapped) {
    JsonArray array = new JsonArray();
    for (Violation v : validation.violations()) {
      String path = wrapped && v.path().startsWith(WRAPPER)
          ? v.path().substring(WRAPPER.length()) : v.path();
      array.add(new JsonObject(CardJson.write(new Violation(path, v.code(), v.message(),
          v.severity()))));
    }
    return array;
  }

  /** The SMS fallback, or null for content that never goes as SMS (typing, responses). */
  private static JsonObject sms(Document document) {
    SmsRendering sms;
    try {
      sms = SmsText.render(document, SmsOptions.defaults());
    } catch (IllegalArgumentException e) {
      return null;
    }
    JsonArray parts = new JsonArray();
    for (Segment segment : sms.segmentation().segments()) {
      parts.add(new JsonObject().put("text", segment.text()).put("units", segment.units()));
    }
    return new JsonObject()
        .put("text", sms.text())
        .put("encoding", sms.segmentation().encoding().label())
        .put("segments", sms.segmentation().count())
        .put("units", new JsonArray(sms.segmentation().units()))
        .put("parts", parts)
        .put("shortened", sms.shortened())
        .put("overBudget", sms.overBudget());
  }
}
