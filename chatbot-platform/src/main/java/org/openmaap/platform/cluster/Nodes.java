package org.openmaap.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmaap.platform.store.Store;

/**
 * This node among the nodes of its store: it notes itself alive every {@link #HEARTBEAT}, and
 * sees as alive the nodes noted within the last three heartbeats (health shows them).
 */
public final class Nodes {

  private static final Logger LOG = Logger.getLogger(Nodes.class.getName());

  /** How often a node notes itself alive. */
  public static final Duration HEARTBEAT = Duration.ofSeconds(2);

  private final Vertx vertx;
  private final Store store;
  private final String node;
  private final String database;
  private final Clock clock;
  private final Instant startedAt;
  private volatile int alive = 1;
  private long timer = -1;

  /** This node, {@code node}, whose store keeps its rows in {@code database} (for health). */
  public Nodes(Vertx vertx, Store store, String node, String database, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.node = node;
    this.database = database;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /** Notes this node alive now and every heartbeat from now on, and counts the nodes alive. */
  public Future<Void> start() {
    return beat().onSuccess(v -> timer = vertx.setPeriodic(HEARTBEAT.toMillis(), id -> beat()
        .onFailure(e -> LOG.log(Level.WARNING, "could not note node " + node + " alive: "
            + e.getMessage()))));
  }

  private Future<Void> beat() {
    return store.nodeSeen(node, startedAt, clock.instant())
        .compose(v -> seen())
        .map(seen -> {
          alive = Math.max(1, seen.size());
          return null;
        });
  }

  /**
   * How many nodes were alive at the last heartbeat (1 at least: this one), for what the nodes
   * share: a chatbot's rate limit, the SMSC's throughput.
   */
  public int alive() {
    return alive;
  }

  /** Stops the heartbeat: the other nodes stop seeing this one three heartbeats later. */
  public void stop() {
    if (timer != -1) {
      vertx.cancelTimer(timer);
    }
  }

  public String node() {
    return node;
  }

  /** What keeps the rows: {@code sqlite} or {@code postgresql}. */
  public String database() {
    return database;
  }

  /** The nodes seen alive (this one included), by id. */
  public Future<List<String>> seen() {
    return store.nodesSeenSince(clock.instant().minus(HEARTBEAT.multipliedBy(3)));
  }
}
