package org.openmaap.platform.dialect.ctcu;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmaap.card.dialect.CtcuMessages;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.dialect.GroupSends;
import org.openmaap.platform.dialect.Numbers;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.ids.TimeOrderedIds;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.TokenService;

/**
 * The CT/CU routes under {@code /bot/v1/{chatbotURI}}: {@code accessToken} and {@code messages}
 * (a send to 1..100 recipients, each its own message in the core, all under the bot's messageId).
 */
public final class CtcuApi {

  static final int MAX_RECIPIENTS = 100;
  /** CT/CU's reportRequest entries, and the core's statuses each stands for. */
  private static final Map<String, List<String>> REPORTS = reports();

  private final CtcuAuth auth;
  private final TokenService tokens;
  private final GroupSends sends;
  private final Clock clock;

  public CtcuApi(CtcuAuth auth, TokenService tokens, GroupSends sends, Clock clock) {
    this.auth = auth;
    this.tokens = tokens;
    this.sends = sends;
    this.clock = clock;
  }

  /** {@code POST …/accessToken} {@code {"appId", "appKey"}}: a token for the chatbot. */
  public Future<JsonObject> accessToken(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    JsonObject body = Bodies.object(ctx);
    String appId = body.getValue("appId") instanceof String s ? s : null;
    String appKey = body.getValue("appKey") instanceof String s ? s : null;
    if (appId == null || appKey == null) {
      throw ApiError.badRequest("invalid_request", "send {\"appId\": ..., \"appKey\": ...}, the"
          + " chatbot's appId and appKey from its registration");
    }
    if (!appId.equals(bot.clientId())) {
      throw CtcuErrors.badCredentials();
    }
    JsonObject issued;
    try {
      issued = tokens.issue(null, "client_credentials", appId, appKey);
    } catch (RuntimeException refused) {
      throw CtcuErrors.badCredentials();
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    return Future.succeededFuture(new JsonObject().put("errorCode", 0)
        .put("errorMessage", "success")
        .put("accessToken", issued.getString("access_token"))
        .put("expires", issued.getLong("expires_in")));
  }

  /**
   * {@code POST …/messages}: the message list read into the core's content, validated as a GSMA
   * message would be, and stored once per recipient before the answer.
   */
  public Future<JsonObject> send(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    JsonObject body = Bodies.object(ctx);
    List<Violation> violations = new ArrayList<>();
    List<String> recipients = recipients(body.getValue("destinationAddress"), violations);
    Object messageId = body.getValue("messageId");
    if (messageId != null && (!(messageId instanceof String given) || given.isBlank())) {
      violations.add(error("/messageId", Code.WRONG_TYPE, "messageId is a non-empty string"));
    }
    List<String> reportRequest = reportRequest(body.getValue("reportRequest"), violations);
    Validation content = CtcuMessages.validateSend(tree(body));
    violations.addAll(content.errors());
    if (!violations.isEmpty()) {
      throw new Invalid("invalid_message", "the message has " + violations.size()
          + " problem(s); see violations", violations);
    }
    JsonObject rcs = new JsonObject(content.tree().get("RCSMessage").toString());
    String id = messageId instanceof String s ? s : TimeOrderedIds.next(clock.instant());
    return sends.send(bot.botId(), rcs, id, recipients, reportRequest).map(all -> {
      Outbound.Accepted first = all.get(0);
      return new JsonObject().put("errorCode", 0).put("errorMessage", "success")
          .put("messageId", id)
          .put("conversationId", first.message().conversationId())
          .put("contributionId", first.message().contributionId());
    });
  }

  /**
   * {@code POST …/revoke} {@code {"messageId", "destinationAddress", "status": "RevokeRequested"}}:
   * answered at once; the outcome follows as a delivery notification, {@code revokeOk} when the
   * message was still undelivered (or revoked before), else {@code revokeFail}.
   */
  public Future<JsonObject> revoke(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    JsonObject body = Bodies.object(ctx);
    List<Violation> violations = new ArrayList<>();
    String messageId = body.getValue("messageId") instanceof String given && !given.isBlank()
        ? given : null;
    if (messageId == null) {
      violations.add(error("/messageId", Code.REQUIRED, "messageId names the message to revoke"));
    }
    Object status = body.getValue("status");
    if (status != null && !"RevokeRequested".equals(status)) {
      violations.add(error("/status", Code.BAD_VALUE, "status is RevokeRequested"));
    }
    List<String> recipients = recipients(body.getValue("destinationAddress"), violations);
    if (recipients.size() > 1) {
      violations.add(error("/destinationAddress", Code.TOO_MANY,
          "a revoke names one recipient of the message"));
    }
    if (!violations.isEmpty()) {
      throw new Invalid("invalid_request", "the revoke has " + violations.size()
          + " problem(s); see violations", violations);
    }
    return sends.revoke(bot.botId(), messageId, recipients.get(0))
        .map(revoked -> new JsonObject().put("errorCode", 0).put("errorMessage", "success")
            .put("messageId", messageId));
  }

  /**
   * The core's statuses a send's {@code reportRequest} asks for (null when absent: all); the SMS
   * handset receipt counts as {@code delivered}.
   */
  private static List<String> reportRequest(Object requested, List<Violation> violations) {
    if (requested == null) {
      return null;
    }
    if (!(requested instanceof JsonArray names)) {
      violations.add(error("/reportRequest", Code.WRONG_TYPE, "reportRequest is a list of "
          + String.join(", ", REPORTS.keySet())));
      return null;
    }
    Set<String> statuses = new LinkedHashSet<>();
    for (int i = 0; i < names.size(); i++) {
      List<String> meant = names.getValue(i) instanceof String name ? REPORTS.get(name) : null;
      if (meant == null) {
        violations.add(error("/reportRequest/" + i, Code.BAD_VALUE, "a reportRequest entry is"
            + " one of " + String.join(", ", REPORTS.keySet())));
      } else {
        statuses.addAll(meant);
      }
    }
    return List.copyOf(statuses);
  }


  private static List<String> recipients(Object addresses, List<Violation> violations) {
    List<Object> given = addresses instanceof JsonArray list ? list.getList()
        : addresses == null ? List.of() : List.of(addresses);
    if (given.isEmpty() || given.size() > MAX_RECIPIENTS) {
      violations.add(error("/destinationAddress", given.isEmpty() ? Code.REQUIRED : Code.TOO_MANY,
          "destinationAddress holds 1 to " + MAX_RECIPIENTS + " numbers, such as"
              + " tel:+8613800000000"));
      return List.of();
    }
    Set<String> numbers = new LinkedHashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String path = addresses instanceof JsonArray ? "/destinationAddress/" + i
          : "/destinationAddress";
      try {
        numbers.add(Numbers.normalize(given.get(i) instanceof String s ? s : null));
      } catch (Invalid bad) {
        violations.add(error(path, Code.BAD_PHONE, bad.getMessage()));
      }
    }
    return List.copyOf(numbers);
  }

  /** The request as card-renderer reads documents. */
  private static JsonNode tree(JsonObject body) {
    try {
      return CardJson.readTree(body.toBuffer().getBytes());
    } catch (IOException e) {
      throw new IllegalStateException("a parsed JSON object reads again", e);
    }
  }

  private static Map<String, List<String>> reports() {
    Map<String, List<String>> reports = new LinkedHashMap<>();
    reports.put("sent", List.of(Status.SENT));
    reports.put("failed", List.of(Status.FAILED));
    reports.put("delivered", List.of(Status.DELIVERED, Status.DELIVERED_AS_SMS));
    reports.put("displayed", List.of(Status.DISPLAYED));
    reports.put("deliveredToNetwork", List.of(Status.DELIVERED_TO_NETWORK));
    return java.util.Collections.unmodifiableMap(reports);
  }

  private static Violation error(String path, Code code, String message) {
    return new Violation(path, code, message, Severity.ERROR);
  }
}
