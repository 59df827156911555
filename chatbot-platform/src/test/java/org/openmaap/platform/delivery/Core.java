package org.openmaap.platform.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.DeviceRow;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.work.Worker;

/**
 * The delivery core as the platform wires it, on the embedded store in a temp dir (with faults
 * put in on demand) and a worker, with fake ports: device links, the bot's events, the SMS path
 * and a clock that tests jump forward. No HTTP, no sockets.
 */
public final class Core implements AutoCloseable {

  public static final String BOT = "coffee";
  public static final String USER = "+8613800000001";
  public static final Duration STORE_TTL = Duration.ofDays(1);
  public static final Duration FALLBACK_TIMEOUT = Duration.ofMinutes(5);
  /** How long a test waits for what the worker does in the background. */
  public static final Duration SOON = Duration.ofSeconds(10);

  private static final Worker.Settings QUICK = new Worker.Settings(Duration.ofMillis(10),
      Duration.ofSeconds(1), 64, Duration.ofMillis(20));

  public final Vertx vertx;
  public final JumpingClock clock = new JumpingClock();
  public final StoreFaults faults;
  public final Store store;
  public final FakeEvents events = new FakeEvents(clock);
  public final FakeFallback fallback;
  public final Online online = new Online();
  public final Capabilities capabilities;
  public final Outbound outbound;
  public final Inbound inbound;
  private final SqliteStore sqlite;
  private final Worker worker;

  private Core(Vertx vertx, SqliteStore sqlite) {
    this.vertx = vertx;
    this.sqlite = sqlite;
    this.faults = StoreFaults.around(sqlite);
    this.store = faults.store();
    this.fallback = new FakeFallback(store, clock);
    this.capabilities = new Capabilities(store, online, clock, Duration.ofHours(24),
        Duration.ofMinutes(1), clock::nanos);
    ChatbotRegistry registry = ChatbotRegistry.load(store, clock, Duration.ZERO).await();
    registry.register(new JsonObject().put("botId", BOT).put("name", "Coffee")
        .put("webhookUrl", "http://localhost:9/events")).await();
    DeliveryMetrics metrics = new DeliveryMetrics(new SimpleMeterRegistry());
    Outbound[] core = new Outbound[1];
    this.worker = new Worker(vertx, store, "test", clock, QUICK, Map.of(
        WorkRow.Kind.MESSAGE, work -> core[0].step(work),
        // The events' rows: the fake sink has recorded them, nothing is left to deliver.
        WorkRow.Kind.EVENT, work -> Future.succeededFuture(Optional.empty())));
    this.outbound = new Outbound(vertx, store, registry, online, capabilities, events, clock,
        STORE_TTL, metrics, fallback, FALLBACK_TIMEOUT, Duration.ZERO, MediaLinks.NONE, worker);
    core[0] = outbound;
    this.inbound = new Inbound(store, registry, online, events, clock, metrics,
        MediaLinks.NONE);
  }

  /** The core on a fresh store in {@code dir}, its worker started. */
  public static Core start(Path dir) {
    Vertx vertx = Vertx.vertx();
    Core core = new Core(vertx, SqliteStore.open(vertx, dir.resolve("data")).await());
    core.worker.start().await();
    return core;
  }

  /** A chatbot's text to {@link #USER}, as the Chatbot API passes a validated request on. */
  public static JsonObject text(String text) {
    return new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", USER))
        .put("RCSMessage", new JsonObject().put("textMessage", text));
  }

  /** Sends the request from {@link #BOT}; answers the msgId once it is stored. */
  public String send(JsonObject request) {
    return outbound.send(BOT, request).await().message().msgId();
  }

  /** Connects a link of {@link #USER}, and waits until it was given what waited. */
  public void connect(DeviceLink link) {
    outbound.connected(USER, link).await();
  }

  /** Makes {@link #USER} an RCS device the network knows, as provisioning does. */
  public void provision() {
    store.putDevice(new DeviceRow(USER, Capabilities.DEFAULT_FEATURES, clock.instant())).await();
    capabilities.forget(USER);
  }

  public MessageRow message(String msgId) {
    return store.message(BOT, msgId).await().orElseThrow();
  }

  public String status(String msgId) {
    return message(msgId).status();
  }

  /** Waits until the message is in {@code status}; fails after {@link #SOON}. */
  public void awaitStatus(String msgId, String status) {
    Eventually.until(() -> status(msgId), status::equals, SOON);
  }

  /** Waits until {@code probe} answers a non-empty list; answers it. */
  public static <T> List<T> awaitAny(Supplier<List<T>> probe) {
    return Eventually.until(probe, list -> !list.isEmpty(), SOON);
  }

  @Override
  public void close() {
    worker.stop().await();
    sqlite.close().await();
    vertx.close().await();
  }
}
