package org.openmaap.platform.webhook;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Read-only webhook counters for metrics, safe to read from any thread. */
public final class WebhookCounters {

  private final LongAdder delivered = new LongAdder();
  private final LongAdder retried = new LongAdder();
  private final LongAdder dead = new LongAdder();
  private final LongAdder latencyMillis = new LongAdder();
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

  WebhookCounters() {}

  /** Events acknowledged by their bot. */
  public long delivered() {
    return delivered.sum();
  }

  /** Failed attempts that were scheduled to be tried again. */
  public long retried() {
    return retried.sum();
  }

  /** Events moved to dead letters (retry window over, or bot deleted). */
  public long dead() {
    return dead.sum();
  }

  /**
   * The sum of the delivered events' latencies, from creation (or replay) to acknowledgement;
   * with {@link #delivered()} it makes a Micrometer FunctionTimer.
   */
  public Duration totalLatency() {
    return Duration.ofMillis(latencyMillis.sum());
  }

  /** Requests in flight per bot right now, leaving out bots with none. */
  public Map<String, Integer> inFlight() {
    return Map.copyOf(inFlight);
  }

  void countDelivered(Duration latency) {
    delivered.increment();
    latencyMillis.add(Math.max(0, latency.toMillis()));
  }

  void countRetry() {
    retried.increment();
  }

  void countDead() {
    dead.increment();
  }

  void setInFlight(String botId, int requests) {
    if (requests == 0) {
      inFlight.remove(botId);
    } else {
      inFlight.put(botId, requests);
    }
  }
}
