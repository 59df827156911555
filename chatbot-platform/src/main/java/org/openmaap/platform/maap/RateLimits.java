package org.openmaap.platform.maap;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.TokenBucket;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * A token bucket per bot: {@code rateLimitPerSecond} requests a second (the platform default when
 * the bot has none), bursts up to one second's worth; beyond that 429 with Retry-After. In a
 * cluster each node takes its share (the rate over the nodes alive), which holds the limit for
 * the cluster when the load balancer spreads a bot's requests evenly.
 */
public final class RateLimits implements Handler<RoutingContext> {

  /**
   * Where a route whose path names the bot otherwise (a dialect's chatbot URI) puts its botId for
   * the limits; the path's {@code botId} otherwise.
   */
  public static final String BOT_ID = "openmaap.botId";

  private final ChatbotRegistry registry;
  private final int defaultPerSecond;
  private final LongSupplier nanoTime;
  private final IntSupplier nodes;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** Limits of one node among {@code nodes} (1 for a platform alone). */
  public RateLimits(ChatbotRegistry registry, int defaultPerSecond, LongSupplier nanoTime,
      IntSupplier nodes) {
    this.registry = registry;
    this.defaultPerSecond = defaultPerSecond;
    this.nanoTime = nanoTime;
    this.nodes = nodes;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String botId = ctx.get(BOT_ID) instanceof String resolved
        ? resolved
        : ctx.pathParam("botId");
    int rate = registry.find(botId).map(c -> c.rateLimitPerSecond()).filter(r -> r != null)
        .orElse(defaultPerSecond);
    long waitNanos = buckets.computeIfAbsent(botId, id -> new TokenBucket())
        .take((double) rate / Math.max(1, nodes.getAsInt()), nanoTime.getAsLong());
    if (waitNanos > 0) {
      long seconds = TokenBucket.retryAfterSeconds(waitNanos);
      ctx.fail(ApiError.tooManyRequests("chatbot '" + botId + "' may make " + rate
          + " requests a second; retry after " + seconds + " s", seconds));
      return;
    }
    ctx.next();
  }
}
