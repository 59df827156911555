package org.openmaap.platform.fallback;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.openmaap.platform.sms.MoParts;
import org.openmaap.platform.store.SmsMoPart;
import org.openmaap.platform.store.Store;

/**
 * Users' SMS parts and what the gateway took, kept in the store: a text whose parts come on both
 * sides of a restart is joined, and a redelivery after one is still dropped.
 */
public final class StoredMoParts implements MoParts {

  private final Store store;

  public StoredMoParts(Store store) {
    this.store = store;
  }

  @Override
  public Future<Boolean> firstTime(String key, Instant now, Instant until) {
    return store.smsMoSeen(key, now, until);
  }

  @Override
  public Future<List<Part>> part(Part part, String key, Instant until) {
    return store.smsMoPart(new SmsMoPart(part.from(), part.to(), part.reference(), part.total(),
            part.sequence(), part.dataCoding() & 0xFF, part.payload(), part.receivedAt()),
            key, until)
        .map(StoredMoParts::parts);
  }

  @Override
  public Future<List<Part>> expire(Instant now, Instant staleBefore) {
    return store.smsMoExpire(now, staleBefore).map(StoredMoParts::parts);
  }

  private static List<Part> parts(List<SmsMoPart> rows) {
    return rows.stream().map(row -> new Part(row.sender(), row.recipient(), row.reference(),
        row.total(), row.sequence(), (byte) row.dataCoding(), row.payload(), row.receivedAt()))
        .toList();
  }
}
