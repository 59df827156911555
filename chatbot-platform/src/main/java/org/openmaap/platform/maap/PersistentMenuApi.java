package org.openmaap.platform.maap;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * The Chatbot API's persistent menu: {@code PUT /bot/v1/{botId}/persistentMenu} with the GSMA
 * menu JSON sets it (validated like chips), {@code DELETE} removes it. Clients read it in the
 * chatbot information ({@code GET /bot}).
 */
public final class PersistentMenuApi {

  private final ChatbotRegistry registry;

  /** The API over the menus that {@code registry} keeps in the chatbots' profiles. */
  public PersistentMenuApi(ChatbotRegistry registry) {
    this.registry = registry;
  }

  /** Sets the chatbot's menu; answers it as stored (as read: null members dropped). */
  public Future<JsonObject> put(RoutingContext ctx) {
    return registry.setPersistentMenu(ctx.pathParam("botId"), Bodies.object(ctx))
        .map(chatbot -> chatbot.persistentMenu());
  }

  /** Removes the chatbot's menu: 204, whether it had one or not. */
  public void delete(RoutingContext ctx) {
    registry.clearPersistentMenu(ctx.pathParam("botId"))
        .onSuccess(chatbot -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
