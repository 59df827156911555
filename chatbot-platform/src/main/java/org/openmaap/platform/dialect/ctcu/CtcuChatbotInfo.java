package org.openmaap.platform.dialect.ctcu;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * CT/CU's chatbot information over the registry's profile: {@code find/chatBotInfo},
 * {@code update/chatBotInfo/optionals} and {@code update/chatBotInfo/menu} (the GSMA
 * {@code persistentMenu} JSON, validated like chips).
 */
public final class CtcuChatbotInfo {

  /** CT/CU's names of the optional profile members, and the registry's. */
  private static final Map<String, String> OPTIONALS = names();

  private final CtcuAuth auth;
  private final ChatbotRegistry registry;
  private final String domain;

  public CtcuChatbotInfo(CtcuAuth auth, ChatbotRegistry registry, String domain) {
    this.auth = auth;
    this.registry = registry;
    this.domain = domain;
  }

  /** {@code GET …/find/chatBotInfo}: the profile under CT/CU's names, members not set left out. */
  public Future<JsonObject> find(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    JsonObject info = new JsonObject().put("errorCode", 0).put("errorMessage", "success")
        .put("chatbotId", bot.serviceUri(domain)).put("serviceName", bot.name());
    putIfSet(info, "serviceIcon", bot.iconUrl());
    putIfSet(info, "serviceDescription", bot.description());
    putIfSet(info, "themeColour", bot.color());
    putIfSet(info, "serviceWebsite", bot.website());
    putIfSet(info, "emailAddress", bot.email());
    putIfSet(info, "address", bot.address());
    putIfSet(info, "TCPage", bot.termsUrl());
    putIfSet(info, "callBackNumber", bot.number());
    info.put("verified", bot.verified());
    putIfSet(info, "menu", bot.persistentMenu());
    return Future.succeededFuture(info);
  }

  /**
   * {@code POST …/update/chatBotInfo/optionals}: the members the profile keeps are changed (and
   * checked as the admin API checks them); others (category, provider, coordinates, background
   * image, stylesheet) are ignored, as unknown members are.
   */
  public Future<JsonObject> optionals(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    JsonObject body = Bodies.object(ctx);
    JsonObject patch = new JsonObject();
    OPTIONALS.forEach((ctcu, profile) -> {
      if (body.containsKey(ctcu)) {
        patch.put(profile, body.getValue(ctcu));
      }
    });
    return registry.update(bot.botId(), patch)
        .recover(error -> Future.failedFuture(error instanceof Invalid invalid
            ? renamed(invalid) : error))
        .map(updated -> success());
  }

  /** {@code POST …/update/chatBotInfo/menu}: the body is the menu; violations point into it. */
  public Future<JsonObject> menu(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    return registry.setPersistentMenu(bot.botId(), Bodies.object(ctx)).map(updated -> success());
  }

  /** The update's violations under CT/CU's member names. */
  private static Invalid renamed(Invalid invalid) {
    Map<String, String> back = new LinkedHashMap<>();
    OPTIONALS.forEach((ctcu, profile) -> back.put("/" + profile, "/" + ctcu));
    List<Violation> violations = invalid.violations().stream()
        .map(v -> new Violation(back.getOrDefault(v.path(), v.path()), v.code(),
            v.message(), v.severity()))
        .toList();
    return new Invalid(invalid.code(), invalid.getMessage(), violations);
  }

  private static JsonObject success() {
    return new JsonObject().put("errorCode", 0).put("errorMessage", "success");
  }

  private static Map<String, String> names() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("serviceDescription", "description");
    names.put("themeColour", "color");
    names.put("serviceWebsite", "website");
    names.put("emailAddress", "email");
    names.put("address", "address");
    names.put("TCPage", "termsUrl");
    names.put("callBackNumber", "number");
    return Map.copyOf(names);
  }

  private static void putIfSet(JsonObject json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
