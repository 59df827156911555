package org.openmaap.platform.network;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.openmaap.platform.delivery.Online;
import org.openmaap.platform.store.Store;

/**
 * Whether a user's phone shows RCS, and what it supports: a connected or provisioned device is
 * RCS-capable; numbers the network never saw are not. Answers are cached (negative ones for a
 * shorter time), and {@code refresh} looks again.
 */
public final class Capabilities {

  /** What a device supports when it was never provisioned with a feature list. */
  public static final List<String> DEFAULT_FEATURES = Online.DEFAULT_FEATURES;
  private static final long MAX_ENTRIES = 1_000_000;

  private final Store store;
  private final Online online;
  private final Clock clock;
  private final AsyncCache<String, Answer> cache;

  /** A capability answer as checked at {@code checkedAt}. */
  record Answer(boolean rcs, List<String> features, Instant checkedAt) {}

  public Capabilities(Store store, Online online, Clock clock, Duration ttl, Duration negativeTtl,
      Ticker ticker) {
    this.store = store;
    this.online = online;
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumSize(MAX_ENTRIES)
        .ticker(ticker)
        .expireAfter(Expiry.creating((String user, Answer answer) ->
            answer.rcs() ? ttl : negativeTtl))
        .buildAsync();
  }

  /** API.md's capability answer for a normalized number. */
  public Future<JsonObject> lookup(String user, boolean refresh) {
    var cached = refresh ? null : cache.getIfPresent(user);
    if (cached != null) {
      return Future.fromCompletionStage(cached).map(answer -> toJson(user, answer, true));
    }
    return check(user).map(answer -> {
      cache.put(user, java.util.concurrent.CompletableFuture.completedFuture(answer));
      return toJson(user, answer, false);
    });
  }

  /** Forgets a cached answer (when the network provisions or removes a device). */
  public void forget(String user) {
    cache.synchronous().invalidate(user);
  }

  private Future<Answer> check(String user) {
    return store.device(user).map(device -> {
      if (device.isPresent()) {
        return new Answer(true, device.get().features(), clock.instant());
      }
      boolean connected = online.isConnected(user);
      return new Answer(connected, connected ? DEFAULT_FEATURES : List.of(), clock.instant());
    });
  }

  private static JsonObject toJson(String user, Answer answer, boolean cached) {
    return new JsonObject()
        .put("userContact", user)
        .put("rcs", answer.rcs())
        .put("features", new JsonArray(answer.features()))
        .put("checkedAt", answer.checkedAt().toString())
        .put("cached", cached);
  }
}
