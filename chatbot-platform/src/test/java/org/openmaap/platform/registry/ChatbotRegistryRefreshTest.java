package org.openmaap.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.Store;

/** Two registries on one store, as two nodes: one hears of the other's changes by reading again. */
class ChatbotRegistryRefreshTest {

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private Store store;

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  @Test
  void changesOfAnotherNode_areSeenAfterRefresh_andEachChangeIsAnnounced() {
    store = SqliteStore.open(vertx, dir).await();
    ChatbotRegistry here = ChatbotRegistry.load(store, Clock.systemUTC(), Duration.ofHours(1))
        .await();
    ChatbotRegistry there = ChatbotRegistry.load(store, Clock.systemUTC(), Duration.ofHours(1))
        .await();
    List<String> announced = new ArrayList<>();
    here.onChange(announced::add);

    Registration coffee = here.register(bot("coffee")).await();
    here.register(bot("tea")).await();
    here.update("coffee", new JsonObject().put("name", "Coffee Two")).await();
    there.refresh("coffee").await();

    assertThat(there.find("coffee")).map(Chatbot::name).contains("Coffee Two");
    assertThat(there.find("tea")).as("not read again yet").isEmpty();
    here.delete("coffee").await();
    Registration tea = here.rotate("tea").await();
    there.refreshAll().await();

    assertThat(there.find("coffee")).isEmpty();
    assertThat(there.authenticate(coffee.chatbot().clientId(), coffee.clientSecret())).isEmpty();
    assertThat(there.authenticate(tea.chatbot().clientId(), tea.clientSecret()))
        .map(ChatbotRegistry.Client::botId).contains("tea");
    assertThat(announced).containsExactly("coffee", "tea", "coffee", "coffee", "tea");
  }

  @Test
  void twoChangesAtOnce_bothLast() {
    store = SqliteStore.open(vertx, dir).await();
    ChatbotRegistry registry = ChatbotRegistry.load(store, Clock.systemUTC(),
        Duration.ofHours(1)).await();
    registry.register(bot("coffee")).await();

    Future<Chatbot> described = registry.update("coffee",
        new JsonObject().put("description", "Fresh every morning"));
    Future<Chatbot> verified = registry.notifyVerified("coffee", "https://coffee.example/notify");
    Future.all(described, verified).await();

    Chatbot now = registry.find("coffee").orElseThrow();
    assertThat(now.description()).isEqualTo("Fresh every morning");
    assertThat(now.notifyVerifiedUrl()).isEqualTo("https://coffee.example/notify");
  }

  @Test
  void aMenuChangedByWhoeverReadIt_staysAsRegistered() {
    store = SqliteStore.open(vertx, dir).await();
    ChatbotRegistry registry = ChatbotRegistry.load(store, Clock.systemUTC(),
        Duration.ofHours(1)).await();
    registry.register(bot("coffee")).await();
    JsonObject menu = new JsonObject("""
        {"menu": {"entries": [{"reply": {"displayText": "Order", "postback": {"data": "o"}}}]}}""");
    registry.setPersistentMenu("coffee", menu).await();

    registry.find("coffee").orElseThrow().persistentMenu().put("menu", "changed");

    assertThat(registry.find("coffee").orElseThrow().persistentMenu()).isEqualTo(menu);
  }

  @Test
  void aMenuSetOnOneNode_isAnnounced_andReadByAnotherOnRefresh() {
    store = SqliteStore.open(vertx, dir).await();
    ChatbotRegistry here = ChatbotRegistry.load(store, Clock.systemUTC(), Duration.ofHours(1))
        .await();
    ChatbotRegistry there = ChatbotRegistry.load(store, Clock.systemUTC(), Duration.ofHours(1))
        .await();
    here.register(bot("coffee")).await();
    there.refresh("coffee").await();
    List<String> announced = new ArrayList<>();
    here.onChange(announced::add);
    JsonObject menu = new JsonObject("""
        {"menu": {"entries": [{"reply": {"displayText": "Order", "postback": {"data": "o"}}}]}}""");

    here.setPersistentMenu("coffee", menu).await();
    there.refresh("coffee").await();
    JsonObject seenThere = there.find("coffee").orElseThrow().persistentMenu();
    here.clearPersistentMenu("coffee").await();
    there.refresh("coffee").await();

    assertThat(seenThere).isEqualTo(menu);
    assertThat(there.find("coffee").orElseThrow().persistentMenu()).isNull();
    assertThat(announced).containsExactly("coffee", "coffee");
  }

  private static JsonObject bot(String botId) {
    return new JsonObject().put("botId", botId).put("name", botId)
        .put("webhookUrl", "http://127.0.0.1:1/" + botId);
  }
}
