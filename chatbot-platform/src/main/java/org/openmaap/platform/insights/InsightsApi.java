package org.openmaap.platform.insights;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import org.openmaap.platform.ApiError;

/** The insights routes: a bot's own on the Chatbot API, any bot's or all bots' on the admin API. */
public final class InsightsApi {

  private final Insights insights;
  private final Clock clock;

  public InsightsApi(Insights insights, Clock clock) {
    this.insights = insights;
    this.clock = clock;
  }

  /** {@code GET /bot/v1/{botId}/insights?from&to}. */
  public Future<JsonObject> bot(RoutingContext ctx) {
    return insights.ofBot(ctx.pathParam("botId"), range(ctx));
  }

  /** {@code GET /admin/v1/insights?from&to[&botId]}: one bot's, or every bot's summed. */
  public Future<JsonObject> admin(RoutingContext ctx) {
    Range range = range(ctx);
    String botId = query(ctx, "botId");
    if (botId == null) {
      return insights.ofAll(range);
    }
    if (botId.isBlank()) {
      throw ApiError.badRequest("bad_value", "botId must name a chatbot, or be left out for all");
    }
    return insights.ofBot(botId, range);
  }

  private Range range(RoutingContext ctx) {
    return Range.parse(query(ctx, "from"), query(ctx, "to"), clock.instant());
  }

  private static String query(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiError.badRequest("bad_value", name + " may be given once; got " + values.size());
    }
    return values.isEmpty() ? null : values.get(0);
  }
}
