package org.openmaap.platform.maap;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.card.model.MessageContact;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.delivery.Capabilities;
import org.openmaap.platform.delivery.Inbound;
import org.openmaap.platform.delivery.Outbound;

/** The Chatbot API's message routes: send, status, read reports and revoke, capabilities. */
public final class ChatbotApi {

  private final Outbound outbound;
  private final Inbound inbound;
  private final Capabilities capabilities;
  private final ChatIds chatIds;

  public ChatbotApi(Outbound outbound, Inbound inbound, Capabilities capabilities,
      ChatIds chatIds) {
    this.outbound = outbound;
    this.inbound = inbound;
    this.capabilities = capabilities;
    this.chatIds = chatIds;
  }

  /**
   * {@code POST /bot/v1/{botId}/messages}: 202 once stored, 200 for an idempotent repeat. The
   * message goes on as read (no null members) and addressed by number alone.
   */
  public Future<JsonObject> send(RoutingContext ctx) {
    Validation validation = Validator.validate(Bodies.bytes(ctx));
    if (!validation.valid()) {
      throw ApiError.invalid("invalid_message", "the message has " + validation.errors().size()
          + " problem(s); see violations", validation.errors());
    }
    if (!(validation.document() instanceof SendRequest request)
        || request.messageContact() == null || (request.messageContact().userContact() == null
            && request.messageContact().chatId() == null)) {
      throw ApiError.badRequest("invalid_message", "send {\"messageContact\": {\"userContact\": "
          + "\"+86...\"} (or {\"chatId\": ...}), \"RCSMessage\": {...}}");
    }
    if (request.rcsMessage().suggestedResponse() != null) {
      throw ApiError.badRequest("invalid_message",
          "suggestedResponse is what users send; a chatbot sends content");
    }
    String botId = ctx.pathParam("botId");
    MessageContact contact = request.messageContact();
    String user = user(botId, contact.userContact(), contact.chatId());
    if (request.rcsMessage().isTyping() != null) {
      ctx.response().setStatusCode(202);
      return Future.succeededFuture(outbound.typing(botId, user, request.rcsMessage().isTyping()));
    }
    JsonObject body = new JsonObject(validation.tree().toString()).put("messageContact",
        new JsonObject().put("userContact", user));
    return outbound.send(botId, body).map(accepted -> {
      ctx.response().setStatusCode(accepted.repeated() ? 200 : 202);
      return accepted.toJson();
    });
  }

  /** {@code GET /bot/v1/{botId}/messages/{msgId}/status}. */
  public Future<JsonObject> status(RoutingContext ctx) {
    return outbound.status(ctx.pathParam("botId"), ctx.pathParam("msgId"));
  }

  /** {@code PUT .../status}: {@code displayed} for a received message, {@code cancelled} to revoke. */
  public Future<JsonObject> updateStatus(RoutingContext ctx) {
    JsonObject body = Bodies.object(ctx);
    JsonObject rcs = body.getValue("RCSMessage") instanceof JsonObject o ? o : new JsonObject();
    String status = rcs.getValue("status") instanceof String s ? s : null;
    String botId = ctx.pathParam("botId");
    String msgId = ctx.pathParam("msgId");
    if ("displayed".equals(status)) {
      return inbound.markDisplayed(botId, msgId);
    }
    if ("cancelled".equals(status) || "canceled".equals(status)) {
      return outbound.revoke(botId, msgId);
    }
    throw ApiError.badRequest("bad_value", "send {\"RCSMessage\": {\"status\": \"displayed\"}} "
        + "for a message you received, or \"cancelled\" to revoke one you sent");
  }

  /**
   * {@code GET /bot/v1/{botId}/contactCapabilities?userContact=...} (or {@code ?chatId=...})
   * {@code [&refresh=true]}.
   */
  public Future<JsonObject> capabilities(RoutingContext ctx) {
    String chatId = ctx.request().getParam("chatId");
    String user = user(ctx.pathParam("botId"), ctx.request().getParam("userContact"), chatId);
    return capabilities.of(user, "true".equalsIgnoreCase(ctx.request().getParam("refresh")))
        .map(answer -> {
          JsonObject json = new JsonObject()
              .put("userContact", user)
              .put("rcs", answer.rcs())
              .put("features", new JsonArray(answer.features()))
              .put("checkedAt", answer.checkedAt().toString())
              .put("cached", answer.cached());
          return chatId == null ? json : json.put("chatId", chatId);
        });
  }

  /**
   * The normalized number a contact names: its userContact, or the user behind its chatId (404
   * when this bot was never given that chatId); both must name the same user.
   */
  private String user(String botId, String userContact, String chatId) {
    if (chatId == null) {
      return Msisdn.normalize(userContact);
    }
    String user = chatIds.user(botId, chatId).orElseThrow(() -> ApiError.notFound(
        "no user has chatId '" + chatId + "' with chatbot '" + botId + "'"));
    if (userContact != null && !Msisdn.normalize(userContact).equals(user)) {
      throw ApiError.badRequest("invalid_message",
          "chatId '" + chatId + "' and userContact '" + userContact + "' name different users");
    }
    return user;
  }
}
