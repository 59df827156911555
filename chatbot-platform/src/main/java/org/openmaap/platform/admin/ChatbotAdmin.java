package org.openmaap.platform.admin;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.registry.ChatbotRegistry;

/** The admin API's chatbot routes: register, read, update, delete, rotate secrets. */
public final class ChatbotAdmin {

  private final ChatbotRegistry registry;
  private final String domain;

  public ChatbotAdmin(ChatbotRegistry registry, String domain) {
    this.registry = registry;
    this.domain = domain;
  }

  public Future<JsonObject> register(RoutingContext ctx) {
    return registry.register(Bodies.object(ctx)).map(registration -> {
      ctx.response().setStatusCode(201);
      return registration.toJson(domain);
    });
  }

  public Future<JsonObject> list(RoutingContext ctx) {
    JsonArray chatbots = new JsonArray();
    registry.all().forEach(chatbot -> chatbots.add(chatbot.toJson(domain)));
    return Future.succeededFuture(new JsonObject().put("chatbots", chatbots));
  }

  public Future<JsonObject> get(RoutingContext ctx) {
    return Future.succeededFuture(registry.require(ctx.pathParam("botId")).toJson(domain));
  }

  public Future<JsonObject> update(RoutingContext ctx) {
    return registry.update(ctx.pathParam("botId"), Bodies.object(ctx))
        .map(chatbot -> chatbot.toJson(domain));
  }

  public void delete(RoutingContext ctx) {
    registry.delete(ctx.pathParam("botId"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  public Future<JsonObject> rotate(RoutingContext ctx) {
    return registry.rotate(ctx.pathParam("botId")).map(registration -> registration.toJson(domain));
  }
}
