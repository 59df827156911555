package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.openmaap.platform.store.EventRow;

/**
 * The bot's side of the core: events stored with the change they report (through the caller's
 * store write, as the webhook dispatcher does) and recorded once they are.
 */
public final class FakeEvents implements EventSink {

  private final Clock clock;
  private final List<BotEvent> published = new CopyOnWriteArrayList<>();

  FakeEvents(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> publish(String botId, String conversationId, BotEvent event) {
    published.add(event);
    return Future.succeededFuture();
  }

  @Override
  public Future<Boolean> publishWith(String botId, String conversationId, BotEvent event,
      Function<EventRow, Future<Optional<EventRow>>> storeWith) {
    EventRow row = new EventRow(UUID.randomUUID().toString(), botId, conversationId, 0,
        StoredEvents.write(event).encode(), EventRow.State.PENDING, 0, clock.instant(), null, clock.instant());
    return storeWith.apply(row).map(stored -> {
      stored.ifPresent(inserted -> published.add(event));
      return stored.isPresent();
    });
  }

  /** The statuses the bot was told of for {@code msgId}, in order. */
  public List<String> statuses(String msgId) {
    return published.stream()
        .filter(BotEvent.StatusReport.class::isInstance)
        .map(BotEvent.StatusReport.class::cast)
        .filter(report -> msgId.equals(report.msgId()))
        .map(BotEvent.StatusReport::status)
        .toList();
  }
}
