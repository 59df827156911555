package org.openmaap.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link Store} of a cluster: PostgreSQL, which any number of platform nodes share. Each
 * operation is one transaction on a connection of a HikariCP pool, run on a worker thread of the
 * store's own (never an event loop), with the same SQL as the embedded store; what an operation
 * reads and then changes it locks (see {@link SqlConnection#lock}), and claims pass over rows
 * another node is claiming. A transaction PostgreSQL aborts for a deadlock or a serialization
 * failure is run again.
 */
public final class PostgresStore extends SqlStore {

  /**
   * How the store connects, and the node it serves ({@code node}, null when unnamed), which the
   * work rows it adds name, so that it takes its own rows first.
   */
  public record Options(int poolSize, Duration connectTimeout, String node) {

    public static final Options DEFAULTS = new Options(16, Duration.ofSeconds(5), null);

    public Options(int poolSize, Duration connectTimeout) {
      this(poolSize, connectTimeout, null);
    }

    public Options {
      if (poolSize < 1) {
        throw new IllegalArgumentException("poolSize must be at least 1, got " + poolSize);
      }
      if (connectTimeout == null || connectTimeout.toMillis() < 250) {
        throw new IllegalArgumentException("connectTimeout must be at least 250 ms");
      }
    }
  }

  // A transaction aborted by a deadlock or a serialization failure is run again, this often.
  private static final int ATTEMPTS = 5;
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Vertx vertx;
  private final HikariDataSource pool;
  private final WorkerExecutor executor;
  private final String where;
  private final DatabaseUrl url;
  private final String channel;
  private PostgresListener listener; // guarded by this
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean closed;
  private Future<Void> closing; // guarded by this

  private PostgresStore(Vertx vertx, HikariDataSource pool, int threads, String where,
      DatabaseUrl url, String channel, String node) {
    super(node);
    this.vertx = vertx;
    this.pool = pool;
    this.where = where;
    this.url = url;
    this.channel = channel;
    // As many threads as connections, so an operation waits for a thread, never for a connection.
    this.executor = vertx.createSharedWorkerExecutor(pool.getPoolName(), threads);
  }

  /** Opens the pool to {@code url} and brings the schema up to date. */
  public static Future<PostgresStore> open(Vertx vertx, DatabaseUrl url) {
    return open(vertx, url, Options.DEFAULTS);
  }

  /**
   * Opens the pool to {@code url} and brings the schema up to date; fails with a
   * {@link StoreFailure} naming the server when it cannot be reached or refuses the login.
   */
  public static Future<PostgresStore> open(Vertx vertx, DatabaseUrl url, Options options) {
    String where = url.host() + ":" + url.port() + "/" + url.database();
    return vertx.executeBlocking(() -> {
      HikariConfig config = new HikariConfig();
      config.setPoolName("openmaap-postgres-" + INSTANCES.incrementAndGet());
      config.setJdbcUrl(url.jdbcUrl());
      config.setUsername(url.user());
      config.setPassword(url.password());
      config.setMaximumPoolSize(options.poolSize());
      config.setAutoCommit(false);
      config.setConnectionTimeout(options.connectTimeout().toMillis());
      config.setInitializationFailTimeout(options.connectTimeout().toMillis());
      HikariDataSource pool;
      try {
        pool = new HikariDataSource(config);
      } catch (RuntimeException e) {
        throw new StoreFailure("could not reach the PostgreSQL database at " + where + " as "
            + url.user() + ": " + rootMessage(e), e);
      }
      String channel;
      try {
        Migrations.migratePostgresql(pool);
        channel = channel(pool);
      } catch (RuntimeException | SQLException e) {
        pool.close();
        throw new StoreFailure("could not bring the PostgreSQL database at " + where
            + " up to date: " + rootMessage(e), e);
      }
      return new PostgresStore(vertx, pool, options.poolSize(), where, url, channel,
          options.node());
    });
  }

  // The nodes of one schema share a channel; another schema of the database (a test's) has its own.
  private static String channel(HikariDataSource pool) throws SQLException {
    try (SqlConnection db = SqlConnection.postgresql(pool.getConnection())) {
      String schema = db.queryOne("SELECT current_schema()", row -> row.getString(1))
          .orElse("public");
      db.commit();
      String channel = "openmaap_signals_" + schema;
      // PostgreSQL's identifiers, channels included, are at most 63 bytes.
      return channel.getBytes(StandardCharsets.UTF_8).length <= 63 ? channel
          : "openmaap_signals_" + Integer.toHexString(schema.hashCode());
    }
  }

  @Override
  public Future<Void> signal(String payload) {
    Optional<IllegalArgumentException> bad = refusedSignal(payload);
    if (bad.isPresent()) {
      return Future.failedFuture(bad.get());
    }
    return write(db -> db.query("SELECT pg_notify(?, ?)", row -> 1, channel, payload))
        .mapEmpty();
  }

  @Override
  public synchronized void onSignal(Consumer<String> handler) {
    if (listener != null) {
      throw new IllegalStateException("the signal handler is set already");
    }
    PostgresListener started = new PostgresListener(url, channel, vertx.getOrCreateContext(),
        handler);
    try {
      started.start();
    } catch (SQLException e) {
      throw new StoreFailure("could not listen for signals on the PostgreSQL database at "
          + where + ": " + e.getMessage(), e);
    }
    listener = started;
  }

  @Override
  <T> Future<T> write(SqlConnection.Work<T> work) {
    return transaction(work);
  }

  @Override
  <T> Future<T> read(SqlConnection.Work<T> work) {
    return transaction(work);
  }

  private <T> Future<T> transaction(SqlConnection.Work<T> work) {
    inFlight.incrementAndGet();
    if (closed) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new IllegalStateException("store is closed"));
    }
    return executor.executeBlocking(() -> {
      try {
        for (int attempt = 1; ; attempt++) {
          try {
            return once(work);
          } catch (SQLException e) {
            if (!retryable(e) || attempt == ATTEMPTS) {
              throw failure(e);
            }
          }
        }
      } finally {
        inFlight.decrementAndGet();
      }
    }, false);
  }

  private <T> T once(SqlConnection.Work<T> work) throws SQLException {
    try (SqlConnection db = SqlConnection.postgresql(pool.getConnection())) {
      try {
        T result = work.run(db);
        db.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        db.rollback(e);
        throw e;
      }
    }
  }

  // Deadlock and serialization failure: the transaction was undone and may simply run again.
  private static boolean retryable(SQLException e) {
    return "40P01".equals(e.getSQLState()) || "40001".equals(e.getSQLState());
  }

  private RuntimeException failure(SQLException e) {
    // A uniqueness rule the operation's checks did not name (two nodes inserting at once).
    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
      return new StoreConflict(e.getMessage());
    }
    return new StoreFailure("store operation failed on PostgreSQL at " + where + ": "
        + e.getMessage(), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }

  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      closed = true;
      PostgresListener stopping = listener;
      // Operations already accepted finish first; later ones fail with "store is closed".
      closing = vertx.<Void>executeBlocking(() -> {
        if (stopping != null) {
          stopping.close();
        }
        while (inFlight.get() > 0) {
          Thread.sleep(5);
        }
        pool.close();
        return null;
      }).compose(v -> executor.close());
    }
    return closing;
  }
}
