package org.openmaap.platform.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * What the phone simulator asks of the network side, with the network token: the chatbots a
 * phone can talk to ({@code GET /network/v1/chatbots}) and the HTML of a message it received
 * ({@code POST /network/v1/render}).
 */
public final class SimulatorApi {

  private final ChatbotRegistry registry;

  public SimulatorApi(ChatbotRegistry registry) {
    this.registry = registry;
  }

  /** Every registered chatbot as a phone shows it: no webhook, no secrets. */
  public Future<JsonObject> chatbots(RoutingContext ctx) {
    JsonArray chatbots = new JsonArray();
    for (Chatbot chatbot : registry.all()) {
      JsonObject json = new JsonObject().put("botId", chatbot.botId()).put("name", chatbot.name());
      putIfSet(json, "iconUrl", chatbot.iconUrl());
      putIfSet(json, "color", chatbot.color());
      putIfSet(json, "description", chatbot.description());
      chatbots.add(json);
    }
    return Future.succeededFuture(new JsonObject().put("chatbots", chatbots));
  }

  /**
   * {@code {"RCSMessage": {...}}}, as a device's message frame carries it, in; the phone's HTML
   * out. Unlike the preview's render it is not rate-limited per client: a phone that reconnects
   * to many waiting messages renders them all at once.
   */
  public Future<JsonObject> render(RoutingContext ctx) {
    Validation validation = Validator.validate(Bodies.bytes(ctx));
    if (!validation.valid()) {
      throw ApiError.invalid("invalid_card", "the message has " + validation.errors().size()
          + " problem(s); send {\"RCSMessage\": {...}} as a device received it",
          validation.errors());
    }
    return Future.succeededFuture(
        new JsonObject().put("html", HtmlPreview.render(validation.document())));
  }

  private static void putIfSet(JsonObject json, String name, String value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
