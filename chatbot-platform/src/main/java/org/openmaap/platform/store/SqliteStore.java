package org.openmaap.platform.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sqlite.SQLiteException;

/**
 * The embedded {@link Store}: one SQLite file in WAL mode, written by a single thread that commits
 * queued writes together, and read by a small pool of read-only connections.
 */
public final class SqliteStore extends SqlStore {

  /** The file the store keeps in its data directory. */
  public static final String FILE_NAME = "openmaap.db";

  /** How hard a commit waits for the disk, SQLite's {@code PRAGMA synchronous}. */
  public enum Synchronous {
    /** Every commit is fsynced before its future completes: survives power loss. */
    FULL,
    /** Commits reach the OS before their futures complete: survive a crash of the JVM only. */
    NORMAL
  }

  /** How the store is opened. */
  public record Options(
      Synchronous synchronous, int readConnections, int maxBatch, Duration busyTimeout) {

    public static final Synchronous DEFAULT_SYNCHRONOUS = Synchronous.FULL;
    public static final int DEFAULT_READ_CONNECTIONS = 4;
    public static final int DEFAULT_MAX_BATCH = 512;
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    public static final Options DEFAULTS = new Options(DEFAULT_SYNCHRONOUS,
        DEFAULT_READ_CONNECTIONS, DEFAULT_MAX_BATCH, DEFAULT_BUSY_TIMEOUT);

    public Options {
      if (synchronous == null) {
        throw new IllegalArgumentException("synchronous must not be null");
      }
      if (readConnections < 1) {
        throw new IllegalArgumentException(
            "readConnections must be at least 1, got " + readConnections);
      }
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch must be at least 1, got " + maxBatch);
      }
      if (busyTimeout == null || busyTimeout.isNegative()) {
        throw new IllegalArgumentException("busyTimeout must not be negative");
      }
    }

    /** These options with another synchronous mode. */
    public Options withSynchronous(Synchronous mode) {
      return new Options(mode, readConnections, maxBatch, busyTimeout);
    }
  }

  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final long CHECKPOINT_EVERY_MILLIS = 50;
  private static final int WRITER_CHECKPOINT_PAGES = 10_000;

  private final Vertx vertx;
  private final Writer writer;
  private final Readers readers;
  private final Checkpointer checkpointer;
  private volatile boolean closed;
  private volatile Signals signals;
  private volatile Runnable beforeEachOperation = () -> {};
  private Future<Void> closing; // guarded by this

  private SqliteStore(Vertx vertx, SqlConnection writeConnection,
      List<SqlConnection> readConnections, SqlConnection checkpointConnection, Path file,
      Options options) {
    // One node only: no other node's rows to prefer its own over.
    super(null);
    this.vertx = vertx;
    String name = "openmaap-store-" + INSTANCES.incrementAndGet();
    this.writer = new Writer(writeConnection, options.maxBatch(), name + "-writer",
        e -> failure("write", file, e), () -> beforeEachOperation.run());
    this.readers = new Readers(vertx, readConnections, name + "-reader",
        e -> failure("read", file, e), () -> beforeEachOperation.run());
    this.checkpointer = new Checkpointer(checkpointConnection, CHECKPOINT_EVERY_MILLIS,
        name + "-checkpointer");
  }

  /** Opens the store in {@code dataDir} with the default options. */
  public static Future<SqliteStore> open(Vertx vertx, Path dataDir) {
    return open(vertx, dataDir, Options.DEFAULTS);
  }

  /**
   * Opens (creating them if needed) {@code dataDir} and its database file, and brings the schema
   * up to date.
   */
  public static Future<SqliteStore> open(Vertx vertx, Path dataDir, Options options) {
    Path file = dataDir.resolve(FILE_NAME);
    return vertx.executeBlocking(() -> {
      List<SqlConnection> opened = new ArrayList<>();
      try {
        Files.createDirectories(dataDir);
        SqlConnection writeConnection = SqlConnection.open(file);
        opened.add(writeConnection);
        configureWriter(writeConnection, options);
        Migrations.migrate(writeConnection);
        List<SqlConnection> readConnections = new ArrayList<>();
        for (int i = 0; i < options.readConnections(); i++) {
          SqlConnection reader = SqlConnection.open(file);
          opened.add(reader);
          reader.execute("PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
          reader.execute("PRAGMA query_only = ON");
          readConnections.add(reader);
        }
        SqlConnection checkpointConnection = SqlConnection.open(file);
        opened.add(checkpointConnection);
        checkpointConnection.execute("PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
        return new SqliteStore(vertx, writeConnection, readConnections, checkpointConnection,
            file, options);
      } catch (Exception e) {
        for (SqlConnection db : opened) {
          closeQuietly(db);
        }
        throw new StoreFailure("could not open the store at " + file + ": " + e.getMessage(), e);
      }
    });
  }

  private static void configureWriter(SqlConnection db, Options options) throws SQLException {
    String mode = db.scalar("PRAGMA journal_mode = WAL");
    if (!"wal".equalsIgnoreCase(mode)) {
      throw new SQLException("the file system does not allow WAL mode (journal_mode is " + mode
          + ")");
    }
    db.execute("PRAGMA synchronous = " + options.synchronous().name());
    db.execute("PRAGMA busy_timeout = " + options.busyTimeout().toMillis());
    db.execute("PRAGMA foreign_keys = ON");
    // Each operation of a batch runs in a savepoint, whose journal of the pages it changes would
    // otherwise be a temporary file opened, written and deleted in every commit.
    db.execute("PRAGMA temp_store = MEMORY");
    // The checkpointer copies the WAL into the file; the writer checkpoints only if it fell far
    // behind.
    db.execute("PRAGMA wal_autocheckpoint = " + WRITER_CHECKPOINT_PAGES);
  }

  // --- lifecycle --------------------------------------------------------------------------------

  @Override
  public Future<Void> signal(String payload) {
    Optional<IllegalArgumentException> bad = refusedSignal(payload);
    if (bad.isPresent()) {
      return Future.failedFuture(bad.get());
    }
    Signals to = signals;
    if (to != null) {
      to.context().runOnContext(v -> to.handler().accept(payload));
    }
    return Future.succeededFuture();
  }

  // One node only: its signals go straight to its own handler.
  @Override
  public void onSignal(Consumer<String> handler) {
    signals = new Signals(vertx.getOrCreateContext(), handler);
  }

  private record Signals(Context context, Consumer<String> handler) {}

  @Override
  public synchronized Future<Void> close() {
    if (closing == null) {
      closed = true;
      closing = writer.close(vertx.getOrCreateContext())
          .eventually(() -> vertx.executeBlocking(() -> {
            checkpointer.close();
            return null;
          }))
          .eventually(readers::close);
    }
    return closing;
  }

  /** How many transactions the writer has committed (each holds a batch of writes). */
  long transactions() {
    return writer.transactions();
  }

  /** Runs {@code hook} on the thread of each operation, just before its JDBC work. */
  void beforeEachOperation(Runnable hook) {
    this.beforeEachOperation = hook;
  }

  /** Queues work for the writer; the future completes after its batch is committed. */
  @Override
  <T> Future<T> write(SqlConnection.Work<T> work) {
    return writer.submit(vertx.getOrCreateContext(), work);
  }

  @Override
  <T> Future<T> read(SqlConnection.Work<T> work) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("store is closed"));
    }
    return readers.read(work);
  }

  private static RuntimeException failure(String what, Path file, SQLException e) {
    // A uniqueness rule the checks above did not name (a reused conversation id, say).
    if (e instanceof SQLiteException sqlite
        && sqlite.getResultCode().name().startsWith("SQLITE_CONSTRAINT")) {
      return new StoreConflict(e.getMessage());
    }
    return new StoreFailure("store " + what + " failed on " + file + ": " + e.getMessage(), e);
  }

  private static void closeQuietly(SqlConnection db) {
    try {
      db.close();
    } catch (SQLException e) {
      // Already failing to open; the first error is the one worth reporting.
    }
  }

}
