package org.openmaap.platform.insights;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.HourCounts;
import org.openmaap.platform.store.Store;

/**
 * Messages over a range of time, counted by the store in one query and answered as totals and one
 * entry per UTC hour of the range (hours without messages as zeros), for one bot or every bot.
 */
public final class Insights {

  private final Store store;
  private final ChatbotRegistry registry;

  public Insights(Store store, ChatbotRegistry registry) {
    this.store = store;
    this.registry = registry;
  }

  /** One registered bot's insights; NotFound when it is not registered. */
  Future<JsonObject> ofBot(String botId, Range range) {
    String id = registry.require(botId).botId();
    return store.hourCounts(id, range.from(), range.to())
        .map(counts -> answer(range, counts).put("botId", id));
  }

  /**
   * Every bot's insights summed, with each bot's totals under {@code bots}: the registered ones
   * and any other whose messages are in the range (a deleted bot's stay), by botId.
   */
  Future<JsonObject> ofAll(Range range) {
    return store.hourCounts(null, range.from(), range.to()).map(counts -> {
      Map<String, Tally> bots = new TreeMap<>();
      for (Chatbot bot : registry.all()) {
        bots.put(bot.botId(), new Tally());
      }
      counts.forEach(c -> bots.computeIfAbsent(c.botId(), id -> new Tally()).add(c));
      JsonArray each = new JsonArray();
      bots.forEach((botId, tally) -> each.add(tally.into(new JsonObject().put("botId", botId))));
      return answer(range, counts).put("bots", each);
    });
  }

  private static JsonObject answer(Range range, List<HourCounts> counts) {
    Tally totals = new Tally();
    Map<Instant, Tally> hours = new LinkedHashMap<>();
    range.hours().forEach(hour -> hours.put(hour, new Tally()));
    for (HourCounts c : counts) {
      totals.add(c);
      hours.get(c.hour()).add(c);
    }
    JsonArray byHour = new JsonArray();
    hours.forEach((hour, tally) -> byHour.add(
        tally.into(new JsonObject().put("hour", hour.toString()))));
    return new JsonObject()
        .put("from", range.from().toString())
        .put("to", range.to().toString())
        .put("totals", totals.into(new JsonObject()))
        .put("hours", byHour);
  }
}
