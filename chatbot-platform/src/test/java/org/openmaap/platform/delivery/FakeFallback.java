package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.StatusChange;
import org.openmaap.platform.store.Store;

/**
 * The SMS path as the core sees it: a message taken over moves to pending on SMS (from undelivered
 * on RCS, as SmsFallback does) and is recorded as sent by SMS; no SMSC behind it.
 */
public final class FakeFallback implements Fallback {

  private final Store store;
  private final Clock clock;
  private final List<String> sent = new CopyOnWriteArrayList<>();

  FakeFallback(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Future<Void> takeOver(MessageRow message) {
    StatusChange queued = new StatusChange(Status.PENDING, Status.CHANNEL_SMS, null,
        clock.instant());
    StatusMachine.From from = StatusMachine.from(queued);
    return store.updateStatus(message.botId(), message.msgId(), from.statuses(), from.channel(),
        queued).map(changed -> {
          if (changed) {
            sent.add(message.msgId());
          }
          return null;
        });
  }

  @Override
  public Future<Void> resume(MessageRow message) {
    return Future.succeededFuture();
  }

  /** The msgIds that went as SMS, in order. */
  public List<String> sent() {
    return List.copyOf(sent);
  }
}
