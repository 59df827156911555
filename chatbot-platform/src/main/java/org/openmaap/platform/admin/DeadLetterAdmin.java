package org.openmaap.platform.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.webhook.WebhookDispatcher;

/** A chatbot's dead letters: the events it never acknowledged, and replaying them. */
public final class DeadLetterAdmin {

  private final Store store;
  private final WebhookDispatcher dispatcher;
  private final ChatbotRegistry registry;

  public DeadLetterAdmin(Store store, WebhookDispatcher dispatcher, ChatbotRegistry registry) {
    this.store = store;
    this.dispatcher = dispatcher;
    this.registry = registry;
  }

  public Future<JsonObject> list(RoutingContext ctx) {
    String botId = registry.require(ctx.pathParam("botId")).botId();
    return store.deadLetters(botId).map(events -> new JsonObject()
        .put("deadLetters", toJson(events, dispatcher)));
  }

  public Future<JsonObject> replay(RoutingContext ctx) {
    String botId = registry.require(ctx.pathParam("botId")).botId();
    return dispatcher.replay(botId).map(events -> new JsonObject()
        .put("replayed", events.size())
        .put("eventIds", new JsonArray(events.stream().map(EventRow::eventId).toList())));
  }

  private static JsonArray toJson(List<EventRow> events, WebhookDispatcher dispatcher) {
    JsonArray array = new JsonArray();
    for (EventRow event : events) {
      array.add(new JsonObject()
          .put("eventId", event.eventId())
          .put("conversationId", event.conversationId())
          .put("attempts", event.attempts())
          .put("lastError", event.lastError())
          .put("createdAt", event.createdAt().toString())
          .put("event", dispatcher.body(event)));
    }
    return array;
  }
}
