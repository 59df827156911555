package org.openmaap.platform.maap;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * A token bucket per bot: {@code rateLimitPerSecond} requests a second (the platform default when
 * the bot has none), bursts up to one second's worth; beyond that 429 with Retry-After.
 */
public final class RateLimits implements Handler<RoutingContext> {

  private final ChatbotRegistry registry;
  private final int defaultPerSecond;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public RateLimits(ChatbotRegistry registry, int defaultPerSecond, LongSupplier nanoTime) {
    this.registry = registry;
    this.defaultPerSecond = defaultPerSecond;
    this.nanoTime = nanoTime;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String botId = ctx.pathParam("botId");
    int rate = registry.find(botId).map(c -> c.rateLimitPerSecond()).filter(r -> r != null)
        .orElse(defaultPerSecond);
    Bucket bucket = buckets.computeIfAbsent(botId, id -> new Bucket());
    long waitNanos = bucket.take(rate, nanoTime.getAsLong());
    if (waitNanos > 0) {
      long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
      ctx.fail(ApiError.tooManyRequests("chatbot '" + botId + "' may make " + rate
          + " requests a second; retry after " + seconds + " s", seconds));
      return;
    }
    ctx.next();
  }

  /** Tokens refill continuously at the rate; one request takes one. */
  private static final class Bucket {
    private double tokens = -1;
    private long last;

    /** Takes a token, answering 0, or answers how long until one is there. */
    synchronized long take(int rate, long now) {
      if (tokens < 0) {
        tokens = rate;
        last = now;
      }
      tokens = Math.min(rate, tokens + (now - last) * rate / 1e9);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) ((1 - tokens) * 1e9 / rate);
    }
  }
}
