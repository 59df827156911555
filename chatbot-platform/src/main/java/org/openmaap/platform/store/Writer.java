package org.openmaap.platform.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one thread that owns the write connection: it takes what is queued, up to a bound, runs it
 * in one transaction and commits once (group commit), then completes each operation's future on
 * the context of its caller.
 */
final class Writer {

  private final SqlConnection db;
  private final int maxBatch;
  private final Function<SQLException, RuntimeException> failure;
  private final Runnable beforeEachOperation;
  private final BlockingQueue<Operation<?>> queue = new LinkedBlockingQueue<>();
  private final Object lock = new Object();
  private final AtomicLong transactions = new AtomicLong();
  private final Thread thread;
  private boolean closed; // guarded by lock
  private Operation<Void> stop; // guarded by lock

  Writer(SqlConnection db, int maxBatch, String name,
      Function<SQLException, RuntimeException> failure,
      Runnable beforeEachOperation) {
    this.db = db;
    this.maxBatch = maxBatch;
    this.failure = failure;
    this.beforeEachOperation = beforeEachOperation;
    this.thread = new Thread(this::run, name);
    // A forgotten close must not keep the JVM alive; an unfinished write has not answered anyone.
    thread.setDaemon(true);
    thread.start();
  }

  <T> Future<T> submit(Context context, SqlConnection.Work<T> work) {
    Operation<T> operation = new Operation<>(context, work);
    synchronized (lock) {
      // Checked under the lock so nothing can be queued behind the stop marker and never run.
      if (closed) {
        return Future.failedFuture(new IllegalStateException("store is closed"));
      }
      queue.add(operation);
    }
    return operation.promise.future();
  }

  /** Runs everything already queued, closes the connection; later submits fail. */
  Future<Void> close(Context context) {
    synchronized (lock) {
      if (!closed) {
        closed = true;
        stop = new Operation<>(context, null);
        queue.add(stop);
      }
      return stop.promise.future();
    }
  }

  long transactions() {
    return transactions.get();
  }

  private void run() {
    List<Operation<?>> batch = new ArrayList<>(maxBatch);
    Operation<?> stopMarker = null;
    while (stopMarker == null) {
      batch.clear();
      batch.add(take());
      queue.drainTo(batch, maxBatch - 1);
      // Nothing is queued after the stop marker, so it can only be last.
      Operation<?> last = batch.get(batch.size() - 1);
      if (last.work == null) {
        stopMarker = last;
        batch.remove(batch.size() - 1);
      }
      if (!batch.isEmpty()) {
        commit(batch);
      }
    }
    try {
      db.close();
      stopMarker.succeed(null);
    } catch (SQLException e) {
      stopMarker.fail(failure.apply(e));
    }
    stopMarker.complete();
  }

  private Operation<?> take() {
    while (true) {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        // Only close() ends this thread, so that queued writes are never dropped.
      }
    }
  }

  private void commit(List<Operation<?>> batch) {
    try {
      db.run("BEGIN IMMEDIATE");
      for (Operation<?> operation : batch) {
        operation.runIn(db);
      }
      db.run("COMMIT");
      transactions.incrementAndGet();
    } catch (SQLException | RuntimeException | Error e) {
      rollback();
      RuntimeException cause = e instanceof SQLException sql
          ? failure.apply(sql)
          : new StoreFailure("store write failed: " + e, e);
      for (Operation<?> operation : batch) {
        operation.failUnlessFailed(cause);
      }
    }
    completeAll(batch);
  }

  /**
   * Completes the batch's futures with one task per caller's context, in the batch's order: a
   * batch's answers wake each event loop once, not once per operation.
   */
  private static void completeAll(List<Operation<?>> batch) {
    Map<Context, List<Operation<?>>> byContext = new LinkedHashMap<>();
    for (Operation<?> operation : batch) {
      byContext.computeIfAbsent(operation.context, c -> new ArrayList<>()).add(operation);
    }
    byContext.forEach((context, operations) -> context.runOnContext(
        v -> operations.forEach(Operation::completeHere)));
  }

  private void rollback() {
    try {
      db.run("ROLLBACK");
    } catch (SQLException e) {
      // No transaction left to roll back: the failure was in BEGIN or COMMIT already undid it.
    }
  }

  /** One queued write: its work, and where and how its future completes. */
  private final class Operation<T> {
    final Context context;
    final SqlConnection.Work<T> work;
    final Promise<T> promise = Promise.promise();
    private T result;
    private Throwable error;

    Operation(Context context, SqlConnection.Work<T> work) {
      this.context = context;
      this.work = work;
    }

    /** Runs the work in its own savepoint, so that its failure undoes only its own changes. */
    void runIn(SqlConnection db) throws SQLException {
      db.run("SAVEPOINT operation");
      try {
        beforeEachOperation.run();
        result = work.run(db);
      } catch (SQLException | RuntimeException e) {
        try {
          db.run("ROLLBACK TO operation");
        } catch (SQLException rollbackFailed) {
          // On SQLITE_FULL, IOERR and the like SQLite has already rolled back the whole
          // transaction, savepoint included: the batch fails, with this cause, not the rollback's.
          e.addSuppressed(rollbackFailed);
          if (e instanceof SQLException sql) {
            throw sql;
          }
          throw new SQLException(e.getMessage(), e);
        }
        error = e instanceof SQLException sql ? failure.apply(sql) : e;
      }
      db.run("RELEASE operation");
    }

    void succeed(T value) {
      result = value;
    }

    void fail(Throwable cause) {
      error = cause;
    }

    void failUnlessFailed(Throwable cause) {
      if (error == null) {
        error = cause;
      }
    }

    // On the caller's context, so callers' code never runs on the writer thread.
    void complete() {
      context.runOnContext(v -> completeHere());
    }

    void completeHere() {
      if (error == null) {
        promise.complete(result);
      } else {
        promise.fail(error);
      }
    }
  }
}
