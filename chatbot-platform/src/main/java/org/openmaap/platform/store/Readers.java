package org.openmaap.platform.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;

/**
 * Read-only connections, one per thread of a small worker pool: WAL lets them read the last
 * committed state beside the writer, and never on an event loop.
 */
final class Readers {

  private final Vertx vertx;
  private final WorkerExecutor executor;
  private final BlockingQueue<SqlConnection> idle;
  private final int size;
  private final Function<SQLException, RuntimeException> failure;
  private final Runnable beforeEachOperation;

  Readers(Vertx vertx, List<SqlConnection> connections, String name,
      Function<SQLException, RuntimeException> failure, Runnable beforeEachOperation) {
    this.vertx = vertx;
    this.size = connections.size();
    // As many threads as connections, so a read never waits for a connection, only for a thread.
    this.executor = vertx.createSharedWorkerExecutor(name, size);
    this.idle = new ArrayBlockingQueue<>(size, false, connections);
    this.failure = failure;
    this.beforeEachOperation = beforeEachOperation;
  }

  /** Runs the work on a pooled connection; the future completes on the caller's context. */
  <T> Future<T> read(SqlConnection.Work<T> work) {
    return executor.executeBlocking(() -> {
      SqlConnection db = idle.take();
      try {
        if (db.isClosed()) {
          throw new IllegalStateException("store is closed");
        }
        beforeEachOperation.run();
        return work.run(db);
      } catch (SQLException e) {
        throw failure.apply(e);
      } finally {
        idle.add(db);
      }
    }, false);
  }

  /** Waits for reads in flight, then closes every connection and the pool. */
  Future<Void> close() {
    return vertx.<Void>executeBlocking(() -> {
      SqlConnection[] taken = new SqlConnection[size];
      for (int i = 0; i < size; i++) {
        taken[i] = idle.take();
      }
      try {
        for (SqlConnection db : taken) {
          db.close();
        }
      } finally {
        // Closed connections go back, so a read that raced close() fails instead of waiting.
        idle.addAll(List.of(taken));
      }
      return null;
    }).compose(v -> executor.close());
  }
}
