package org.openmaap.platform.store;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import org.openmaap.platform.store.EventRow.State;
import org.openmaap.platform.store.MessageRow.Direction;

/**
 * The child JVM of {@link CrashDurabilityTest}: writes messages and events with many in flight
 * until it is killed, printing each id once its future has completed.
 */
final class CrashWriter {

  static final String USER = "+86138";

  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    SqliteStore store = SqliteStore.open(vertx, Path.of(args[0])).await();
    Semaphore inFlight = new Semaphore(32);
    long deadline = System.nanoTime() + 60_000_000_000L; // in case the parent never kills it
    for (int i = 0; System.nanoTime() < deadline; i++) {
      inFlight.acquire();
      String id = "id-" + i;
      Instant now = Instant.now();
      if (i % 2 == 0) {
        store.insertMessage(new MessageRow("bot-one", id, Direction.BOT_TO_USER, USER, null,
                null, null, "{\"textMessage\":\"" + id + "\"}", null, "pending", "rcs", null, null,
                now, now))
            .onSuccess(r -> System.out.println("message " + id))
            .onComplete(r -> inFlight.release());
      } else {
        store.insertEvent(new EventRow(id, "bot-one", "c", 0, "{}", State.PENDING, 0, now, null,
                now))
            .onSuccess(r -> System.out.println("event " + id))
            .onComplete(r -> inFlight.release());
      }
    }
    System.exit(3);
  }
}
