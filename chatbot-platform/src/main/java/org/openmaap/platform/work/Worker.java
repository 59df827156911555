package org.openmaap.platform.work;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;

/**
 * Takes due work from the store in batches and hands each row to its kind's handler, holding a
 * lease on it (renewed while the handler runs) and settling it, moving it to its next due time, or
 * retrying it later when the handler fails. Memory holds only the rows being worked on.
 */
public final class Worker {

  private static final System.Logger LOG = System.getLogger(Worker.class.getName());

  /** What one kind of work does: answers when the work is due again, or empty once it is done. */
  @FunctionalInterface
  public interface Handler {
    Future<Optional<Instant>> run(WorkRow work);
  }

  /**
   * How the worker pulls: how often it looks for due work when nothing woke it, how long a claim
   * holds before another worker may take the row, how many rows it works on at once, the first
   * delay before a failed row is tried again (doubling up to a minute), and how many rows of a kind
   * one bot may have in flight (kinds not named: no bound but {@code maxInFlight}).
   */
  public record Settings(Duration pollInterval, Duration lease, int maxInFlight,
      Duration firstRetry, Map<WorkRow.Kind, Integer> maxInFlightPerBot) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_IN_FLIGHT = 512;
    public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(1);

    public Settings {
      if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException("the poll interval must be positive");
      }
      if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("the lease must be at least 1 s, got " + lease);
      }
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("max in flight must be at least 1, got " + maxInFlight);
      }
      if (firstRetry == null || firstRetry.isNegative() || firstRetry.isZero()) {
        throw new IllegalArgumentException("the first retry must be positive");
      }
      maxInFlightPerBot = Map.copyOf(maxInFlightPerBot);
      maxInFlightPerBot.forEach((kind, bound) -> {
        if (bound < 1) {
          throw new IllegalArgumentException("max in flight per bot of " + kind
              + " must be at least 1, got " + bound);
        }
      });
    }

    public Settings(Duration pollInterval, Duration lease, int maxInFlight,
        Duration firstRetry) {
      this(pollInterval, lease, maxInFlight, firstRetry, Map.of());
    }

    public static Settings defaults() {
      return new Settings(DEFAULT_POLL_INTERVAL, DEFAULT_LEASE, DEFAULT_MAX_IN_FLIGHT,
          DEFAULT_FIRST_RETRY);
    }

    /** These settings with claims holding {@code newLease} unless renewed. */
    public Settings withLease(Duration newLease) {
      return new Settings(pollInterval, newLease, maxInFlight, firstRetry, maxInFlightPerBot);
    }

    /** These settings with at most {@code bound} rows of {@code kind} in flight per bot. */
    public Settings withMaxInFlightPerBot(WorkRow.Kind kind, int bound) {
      Map<WorkRow.Kind, Integer> bounds = new EnumMap<>(WorkRow.Kind.class);
      bounds.putAll(maxInFlightPerBot);
      bounds.put(kind, bound);
      return new Settings(pollInterval, lease, maxInFlight, firstRetry, bounds);
    }
  }

  private final Vertx vertx;
  private final Store store;
  private final String node;
  private final Clock clock;
  private final Settings settings;
  private final Map<WorkRow.Kind, Handler> handlers;
  private final Context context;
  private final Promise<Void> drained = Promise.promise();
  // Rows a bot may hold: those running (its bound) and as many ready to run next, so a slot is
  // taken again when a row's handler ends, not when its settle is committed.
  private final Map<WorkRow.Kind, Integer> claimBounds;
  private final Map<String, Gate> gates = new ConcurrentHashMap<>();

  // Rows run on the context that claimed them (a request's, or the worker's for polled ones), so
  // what they share is thread-safe; the poll's state is touched only on the worker's context.
  private final Map<String, WorkRow> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Integer> inFlightPerBot = new ConcurrentHashMap<>();
  private final Set<String> ahead = ConcurrentHashMap.newKeySet();
  // Rows claimed again while their previous claim's handler still runs (its settle handed the
  // row back to this node, or a poll took it as soon as it was released): run once that ends.
  private final Map<String, WorkRow> claimedAgain = new ConcurrentHashMap<>();
  private volatile boolean full;
  private volatile boolean stopped;
  private boolean polling;
  private boolean pollAgain;
  private long pollTimer = -1;
  private Instant pollAt;
  private long renewTimer = -1;

  public Worker(Vertx vertx, Store store, String node, Clock clock, Settings settings,
      Map<WorkRow.Kind, Handler> handlers) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.store = Objects.requireNonNull(store, "store");
    this.node = Objects.requireNonNull(node, "node");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handlers = Map.copyOf(handlers);
    this.context = vertx.getOrCreateContext();
    Map<WorkRow.Kind, Integer> doubled = new EnumMap<>(WorkRow.Kind.class);
    settings.maxInFlightPerBot().forEach((kind, bound) -> doubled.put(kind, 2 * bound));
    this.claimBounds = Map.copyOf(doubled);
  }

  /** The node whose name claims carry. */
  public String node() {
    return node;
  }

  /** How long a claim holds; work claimed outside the worker should hold as long. */
  public Instant leaseFrom(Instant now) {
    return now.plus(settings.lease());
  }

  /** Gives back what this node held before a restart, then starts pulling due work. */
  public Future<Void> start() {
    return store.releaseClaims(node).<Void>mapEmpty().onSuccess(v -> onContext(() -> {
      long every = Math.max(1, settings.lease().toMillis() / 3);
      renewTimer = vertx.setPeriodic(every, id -> renew());
      poll();
      return Future.succeededFuture();
    }));
  }

  /**
   * Stops pulling, and waits (at most a lease) for the work in flight to finish and be settled;
   * what is left waits for the next start.
   */
  public Future<Void> stop() {
    return onContext(() -> {
      stopped = true;
      // Rows claimed but not started wait for the next start (their leases run out).
      gates.values().forEach(gate -> gate.drop().forEach(row -> {
        inFlight.remove(key(row));
        lessInFlight(row);
      }));
      claimedAgain.clear();
      vertx.cancelTimer(renewTimer);
      if (pollTimer != -1) {
        vertx.cancelTimer(pollTimer);
      }
      if (inFlight.isEmpty()) {
        return Future.succeededFuture();
      }
      return drained.future()
          .timeout(settings.lease().toMillis(), TimeUnit.MILLISECONDS)
          .recover(late -> {
            LOG.log(Level.WARNING, inFlight.size() + " rows of work were still running at the"
                + " stop; their leases run out and they are done again");
            return Future.succeededFuture();
          });
    });
  }

  /** Work was added that is due at {@code dueAt}: look for it then, not only at the next poll. */
  public void wake(Instant dueAt) {
    context.runOnContext(v -> pollAt(dueAt));
  }

  /**
   * A claim for work about to be stored, when this node holds fewer rows of {@code kind} of the
   * bot than it may (twice the kind's bound per bot: those running and as many ready to run; other
   * nodes' rows are counted by the poll's claim, not here): stored with it, the work is run at once
   * ({@link #run}) rather than at the next poll. It counts as held until it is run or
   * {@linkplain #forgo forgone}.
   */
  public Optional<WorkRow> claimAhead(WorkRow.Kind kind, String botId, String ref, Instant now) {
    Integer bound = claimBounds.get(kind);
    boolean[] room = {false};
    inFlightPerBot.compute(kind + "/" + botId, (key, count) -> {
      int held = count == null ? 0 : count;
      room[0] = !stopped && (bound == null || held < bound);
      return room[0] ? held + 1 : count;
    });
    if (!room[0]) {
      return Optional.empty();
    }
    WorkRow claim = WorkRow.claimed(kind, botId, ref, now, node, leaseFrom(now));
    ahead.add(key(claim));
    return Optional.of(claim);
  }

  /** A claim from {@link #claimAhead} that the store did not take (the work waits, or failed). */
  public void forgo(WorkRow claim) {
    if (ahead.remove(key(claim))) {
      lessInFlight(claim);
    }
  }

  /**
   * Runs a row this node claimed itself when it stored it (a new message routed at once) like one
   * it pulled: with its lease renewed, and settled or moved on by what the handler answers.
   */
  public void run(WorkRow claim) {
    // On the caller's context: one worker context must not carry every request's work.
    start(claim);
  }

  private void poll() {
    if (stopped) {
      return;
    }
    if (polling) {
      // Work settled or came due while the store was asked: ask again right after.
      pollAgain = true;
      return;
    }
    int room = settings.maxInFlight() - inFlight.size();
    if (room <= 0) {
      // A settling row makes room and polls again.
      full = true;
      return;
    }
    polling = true;
    Instant now = clock.instant();
    here(store.claimDue(node, now, leaseFrom(now), room, claimBounds))
        .compose(claimed -> {
          claimed.forEach(this::start);
          if (claimed.size() == room) {
            return Future.succeededFuture(Optional.of(now));
          }
          // Rows still due now wait for a bot's slot: a settle hands it over, or the next poll.
          return here(store.nextDue(now)).map(next -> next.filter(at -> at.isAfter(now)));
        })
        .onComplete(result -> {
          polling = false;
          if (pollAgain && result.succeeded()) {
            pollAgain = false;
            poll();
            return;
          }
          Instant later = clock.instant().plus(settings.pollInterval());
          if (result.failed()) {
            LOG.log(Level.WARNING, "could not take due work from the store", result.cause());
            pollAt(later);
          } else {
            Optional<Instant> next = result.result();
            pollAt(next.filter(at -> at.isBefore(later)).orElse(later));
          }
        });
  }

  private void pollAt(Instant at) {
    if (stopped) {
      return;
    }
    if (pollTimer != -1) {
      if (!at.isBefore(pollAt)) {
        return;
      }
      vertx.cancelTimer(pollTimer);
    }
    pollAt = at;
    long delay = Duration.between(clock.instant(), at).toMillis();
    pollTimer = vertx.setTimer(Math.max(1, delay), id -> {
      pollTimer = -1;
      poll();
    });
  }

  private void start(WorkRow claim) {
    if (stopped) {
      // Not started: the lease runs out, or the next start gives the claim back.
      return;
    }
    String key = key(claim);
    if (inFlight.putIfAbsent(key, claim) != null) {
      // The row is claimed again before its previous run ended: that run's settle no longer
      // matches the row's version, and this claim runs right after it, never beside it.
      claimedAgain.put(key, claim);
      return;
    }
    if (!ahead.remove(key)) {
      inFlightPerBot.merge(claim.kind() + "/" + claim.botId(), 1, Integer::sum);
    }
    Integer bound = settings.maxInFlightPerBot().get(claim.kind());
    if (bound != null && !gate(claim).enter(claim, bound)) {
      return;
    }
    runHandler(claim, key);
  }

  private Gate gate(WorkRow claim) {
    return gates.computeIfAbsent(claim.kind() + "/" + claim.botId(), k -> new Gate());
  }

  private void runHandler(WorkRow claim, String key) {
    Handler handler = handlers.get(claim.kind());
    Future<Optional<Instant>> ran;
    try {
      ran = handler == null
          ? Future.failedFuture(new IllegalStateException("no handler for " + claim.kind()))
          : handler.run(claim);
    } catch (RuntimeException e) {
      ran = Future.failedFuture(e);
    }
    ran.transform(result -> {
      Optional<Instant> dueAgain;
      if (result.succeeded()) {
        dueAgain = result.result();
      } else {
        LOG.log(Level.WARNING, "work " + key + " failed (attempt " + claim.attempts()
            + "); tried again later", result.cause());
        dueAgain = Optional.of(clock.instant().plus(retryDelay(claim.attempts())));
      }
      dueAgain.ifPresent(at -> wake(at));
      if (!settings.maxInFlightPerBot().containsKey(claim.kind())) {
        return dueAgain.isPresent() ? store.release(claim, dueAgain.get()) : store.settle(claim);
      }
      // The bot's next ready row runs now; the slot this one held in the store goes to the
      // bot's next due row, in the settle's transaction.
      gate(claim).leave().ifPresent(next -> runHandler(next, key(next)));
      Instant now = clock.instant();
      return store.handOver(claim, dueAgain, now, leaseFrom(now)).map(taken -> {
        taken.ifPresent(this::start);
        return true;
      });
    }).onComplete(settled -> {
      if (settled.failed()) {
        // The lease runs out and the row comes back by itself.
        LOG.log(Level.WARNING, "could not settle work " + key, settled.cause());
      }
      inFlight.remove(key);
      lessInFlight(claim);
      WorkRow again = claimedAgain.remove(key);
      if (again != null) {
        start(again);
      }
      if (stopped && inFlight.isEmpty()) {
        drained.tryComplete();
      }
      if (full) {
        // A poll found no room: this row made some.
        full = false;
        context.runOnContext(v -> poll());
      }
    });
  }

  /** One bot's rows of a bounded kind: how many run, and the claimed ones ready to run next. */
  private static final class Gate {
    private int running;
    private final ArrayDeque<WorkRow> ready = new ArrayDeque<>();

    /** Whether the row may run now; else it waits, ready, for a running one to end. */
    synchronized boolean enter(WorkRow claim, int bound) {
      if (running < bound) {
        running++;
        return true;
      }
      ready.add(claim);
      return false;
    }

    /** A running row ended: the next ready one, which takes its place, if any. */
    synchronized Optional<WorkRow> leave() {
      WorkRow next = ready.poll();
      if (next == null) {
        running--;
      }
      return Optional.ofNullable(next);
    }

    synchronized List<WorkRow> drop() {
      List<WorkRow> dropped = List.copyOf(ready);
      ready.clear();
      return dropped;
    }
  }

  private void lessInFlight(WorkRow claim) {
    inFlightPerBot.computeIfPresent(claim.kind() + "/" + claim.botId(),
        (bot, count) -> count == 1 ? null : count - 1);
  }

  private void renew() {
    if (stopped || inFlight.isEmpty()) {
      return;
    }
    List<WorkRow> held = new ArrayList<>(inFlight.values());
    held.addAll(claimedAgain.values());
    store.extendLeases(node, held, leaseFrom(clock.instant()))
        .onFailure(e -> LOG.log(Level.WARNING, "could not renew the leases of " + held.size()
            + " rows of work", e));
  }

  Duration retryDelay(int attempts) {
    Duration delay = settings.firstRetry();
    for (int i = 1; i < attempts && delay.compareTo(Settings.MAX_RETRY) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(Settings.MAX_RETRY) > 0 ? Settings.MAX_RETRY : delay;
  }

  private static String key(WorkRow work) {
    return work.kind() + "/" + work.botId() + "/" + work.ref();
  }

  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> Future.<Void>succeededFuture().compose(ignored -> work.get())
        .onComplete(promise));
    return promise.future();
  }

  /** Brings a store's future back onto the worker's context, where its state lives. */
  private <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> context.runOnContext(v -> promise.handle(result)));
    return promise.future();
  }
}
