package org.openmaap.platform.store;

import java.lang.System.Logger.Level;
import java.sql.SQLException;

/**
 * Copies the WAL's committed pages into the database file on a thread of its own, so the writer's
 * commits append to the WAL and never wait for a checkpoint's writes and fsync of the file.
 */
final class Checkpointer {

  private static final System.Logger LOG = System.getLogger(Checkpointer.class.getName());

  private final SqlConnection db;
  private final long everyMillis;
  private final Thread thread;
  private volatile boolean stopped;

  Checkpointer(SqlConnection db, long everyMillis, String name) {
    this.db = db;
    this.everyMillis = everyMillis;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!stopped) {
      try {
        Thread.sleep(everyMillis);
        db.execute("PRAGMA wal_checkpoint(PASSIVE)");
      } catch (InterruptedException e) {
        // close() interrupts the sleep; the loop's condition ends the thread.
      } catch (SQLException e) {
        if (!stopped) {
          LOG.log(Level.WARNING, "WAL checkpoint failed; the writer's own checkpoints go on", e);
        }
      }
    }
  }

  /** Stops checkpointing and closes the connection. */
  void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join();
      db.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not close the checkpoint connection", e);
    }
  }
}
