package org.openmaap.platform.delivery;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openmaap.platform.store.Store;

/**
 * Whether a user can get RCS, and with what features, for routing and for the Chatbot API alike:
 * a number with a link, or that the network provisioned or saw connect, is RCS-capable; a number
 * the network never saw is not. Answers are cached (negative ones for a shorter time) until the
 * number connects, disconnects or is provisioned. A device an edge can ask (a SIP phone) is asked
 * instead, on a miss or a refresh; its refusal stands unless the number has another kind of link.
 */
public final class Capabilities {

  /** What a device supports when it connected or was provisioned without a feature list. */
  public static final List<String> DEFAULT_FEATURES =
      List.of("chatbot", "richcard", "carousel", "geolocationPush", "fileTransfer");
  private static final long MAX_ENTRIES = 1_000_000;

  private final Store store;
  private final Online online;
  private final DeviceQuery devices;
  private final Clock clock;
  private final AsyncCache<String, Answer> cache;

  /** A capability answer as checked at {@code checkedAt}; {@code cached} when it was kept. */
  public record Answer(boolean rcs, List<String> features, Instant checkedAt, boolean cached) {}

  public Capabilities(Store store, Online online, Clock clock, Duration ttl, Duration negativeTtl,
      Ticker ticker) {
    this(store, online, DeviceQuery.NONE, clock, ttl, negativeTtl, ticker);
  }

  /** Capabilities that ask a number's device through {@code devices} when it can reach it. */
  public Capabilities(Store store, Online online, DeviceQuery devices, Clock clock, Duration ttl,
      Duration negativeTtl, Ticker ticker) {
    this.store = store;
    this.online = online;
    this.devices = devices;
    this.clock = clock;
    this.cache = Caffeine.newBuilder()
        .maximumSize(MAX_ENTRIES)
        // Upkeep on the caller's thread: handing it to the common pool costs more than it.
        .executor(Runnable::run)
        .ticker(ticker)
        .expireAfter(Expiry.creating((String user, Answer answer) ->
            answer.rcs() ? ttl : negativeTtl))
        .buildAsync();
  }

  /** The answer for a normalized number: the cached one, unless {@code refresh} looks again. */
  public Future<Answer> of(String user, boolean refresh) {
    if (refresh) {
      forget(user);
    }
    AtomicBoolean checked = new AtomicBoolean();
    // The cache holds the check while it runs, so a forget that comes meanwhile drops it.
    CompletableFuture<Answer> answer = cache.get(user, (key, executor) -> {
      checked.set(true);
      return check(key).toCompletionStage().toCompletableFuture();
    });
    return Future.fromCompletionStage(answer).map(found -> checked.get() ? found
        : new Answer(found.rcs(), found.features(), found.checkedAt(), true));
  }

  /**
   * Forgets the number's answer, here and on the other nodes: it connected, disconnected, or was
   * provisioned or removed.
   */
  public void forget(String user) {
    forgetHere(user);
    online.capabilitiesChanged(user);
  }

  /**
   * Keeps what the number's device just said of itself (SIP's REGISTER) as its answer here; the
   * other nodes look again.
   */
  public void told(String user, List<String> features) {
    cache.put(user, CompletableFuture.completedFuture(
        new Answer(true, List.copyOf(features), clock.instant(), false)));
    online.capabilitiesChanged(user);
  }

  /** Forgets the number's answer on this node only (another node asked). */
  public void forgetHere(String user) {
    cache.synchronous().invalidate(user);
  }

  private Future<Answer> check(String user) {
    // A device that can be asked knows best; the registry and the links answer for the rest.
    return devices.ask(user)
        .map(asked -> asked.compose(reply -> reply.rcs() || !linkedOtherwise(user)
            ? Future.succeededFuture(
                new Answer(reply.rcs(), reply.features(), clock.instant(), false))
            : known(user)))
        .orElseGet(() -> known(user));
  }

  /** Whether the number has a link here besides those to the devices that can be asked. */
  private boolean linkedOtherwise(String user) {
    return online.sessions(user).stream()
        .anyMatch(session -> !session.link().kind().equals(devices.kind()));
  }

  private Future<Answer> known(String user) {
    return store.device(user).map(device -> {
      if (device.isPresent()) {
        return new Answer(true, device.get().features(), clock.instant(), false);
      }
      boolean connected = online.isConnected(user);
      return new Answer(connected, connected ? DEFAULT_FEATURES : List.of(), clock.instant(),
          false);
    });
  }
}
