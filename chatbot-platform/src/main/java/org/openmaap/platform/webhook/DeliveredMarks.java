package org.openmaap.platform.webhook;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.openmaap.platform.store.Store;

/**
 * Marks acknowledged events delivered without holding anyone up: ids gather while one write is
 * out and go together in the next, so a busy dispatcher writes a few marks per commit instead of
 * one operation per event. Used on the dispatcher's context only.
 */
final class DeliveredMarks {
  // Losing marks in a crash is harmless: the events are sent again and bots dedupe on the id.
  private static final System.Logger LOG = System.getLogger(DeliveredMarks.class.getName());

  private final Store store;
  private List<String> waiting = new ArrayList<>();
  private Future<Void> writing;

  DeliveredMarks(Store store) {
    this.store = store;
  }

  void add(String eventId) {
    waiting.add(eventId);
    if (writing == null) {
      write();
    }
  }

  /** Completes once every mark added so far is written (or failed). */
  Future<Void> drain() {
    if (writing == null) {
      return Future.succeededFuture();
    }
    Promise<Void> drained = Promise.promise();
    writing.onComplete(v -> drain().onComplete(drained));
    return drained.future();
  }

  private void write() {
    List<String> batch = waiting;
    waiting = new ArrayList<>();
    writing = store.eventsDelivered(batch)
        .recover(e -> {
          LOG.log(Level.WARNING, "could not mark " + batch.size() + " events delivered; they may "
              + "be sent again after a restart: " + e.getMessage());
          return Future.succeededFuture();
        });
    writing.onComplete(v -> {
      if (waiting.isEmpty()) {
        writing = null;
      } else {
        write();
      }
    });
  }
}
