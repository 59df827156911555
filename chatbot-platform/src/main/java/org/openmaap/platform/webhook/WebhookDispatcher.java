package org.openmaap.platform.webhook;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.openmaap.platform.ids.TimeOrderedIds;
import org.openmaap.platform.retry.Backoff;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.webhook.WebhookSender.Answer;
import org.openmaap.platform.webhook.WebhookTargets.Target;

/**
 * Delivers webhook events to chatbots: stored before they are sent, signed, retried with backoff
 * until the retry window ends, in order within a conversation, and independently per bot.
 */
public final class WebhookDispatcher {

  static final String CHATBOT_DELETED = "chatbot deleted";

  private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
  private static final Comparator<EventRow> BY_SEQUENCE = Comparator.comparingLong(
      EventRow::sequence);

  private final Vertx vertx;
  private final Context context;
  private final Store store;
  private final WebhookTargets targets;
  private final SyncReplies replies;
  private final WebhookSettings settings;
  private final Clock clock;
  private final Backoff backoff;
  private final WebhookSender sender;
  private final WebhookCounters counters = new WebhookCounters();
  private final DeliveredMarks marks;

  // Everything below is touched only on the dispatcher's context, which is why nothing is locked.
  private final Map<String, BotQueue> bots = new HashMap<>();
  private final Set<String> scheduled = new HashSet<>();
  private final Map<String, Future<?>> lastInsert = new HashMap<>();
  private final Set<Future<?>> attempts = new HashSet<>();
  private final Promise<Void> loaded = Promise.promise();
  private boolean started;
  private boolean stopped;

  /** A dispatcher on a context of its own (or the caller's, when built on an event loop). */
  public WebhookDispatcher(Vertx vertx, Store store, WebhookTargets targets, SyncReplies replies,
      WebhookSettings settings, Clock clock, RandomGenerator random) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.store = Objects.requireNonNull(store, "store");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = new Backoff(settings.firstRetry(), settings.maxDelay(),
        Objects.requireNonNull(random, "random"));
    this.sender = new WebhookSender(vertx, settings);
    this.marks = new DeliveredMarks(store);
    this.context = vertx.getOrCreateContext();
  }

  /** Loads every pending event from the store and resumes its delivery when it is due. */
  public Future<Void> start() {
    return onContext(() -> {
      if (started) {
        return Future.failedFuture(new IllegalStateException("the dispatcher is already started"));
      }
      started = true;
      return here(store.pendingEvents())
          .onSuccess(rows -> rows.stream()
              .sorted(BY_SEQUENCE)
              .forEach(row -> schedule(row, row.createdAt())))
          .<Void>mapEmpty()
          .andThen(loaded);
    });
  }

  /**
   * Stores a new event for the bot under a fresh event id and schedules it; the answer (with its
   * sequence) comes once the event is durably stored.
   */
  public Future<EventRow> enqueue(String botId, String conversationId, JsonObject event) {
    return enqueue(botId, conversationId, event, row -> store.insertEvent(row).map(Optional::of))
        .map(Optional::orElseThrow);
  }

  /**
   * Like {@link #enqueue(String, String, JsonObject)}, but {@code storeWith} stores the event: a
   * store write that keeps it together with a change of the caller's in one transaction, or
   * declines both (answering empty), and then nothing is scheduled.
   */
  public Future<Optional<EventRow>> enqueue(String botId, String conversationId, JsonObject event,
      Function<EventRow, Future<Optional<EventRow>>> storeWith) {
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(storeWith, "storeWith");
    String body = event.encode();
    return onContext(() -> {
      Instant now = clock.instant();
      EventRow row = new EventRow(TimeOrderedIds.next(now), botId, conversationId, 0, body,
          EventRow.State.PENDING, 0, now, null, now);
      return insertInTurn(row, storeWith).onSuccess(stored -> stored.ifPresent(inserted ->
          loaded.future().onSuccess(v -> schedule(inserted, inserted.createdAt()))));
    });
  }

  /** Makes the bot's dead letters pending again and delivers them in their original order. */
  public Future<List<EventRow>> replay(String botId) {
    return onContext(() -> {
      Instant now = clock.instant();
      return here(store.replayDeadLetters(botId, now))
          .onSuccess(rows -> loaded.future().onSuccess(v -> rows.stream()
              .sorted(BY_SEQUENCE)
              .forEach(row -> schedule(row, now))));
    });
  }

  /** Stops scheduling and waits, at most the request timeout, for the requests in flight. */
  public Future<Void> stop() {
    return onContext(() -> {
      stopped = true;
      for (BotQueue bot : bots.values()) {
        bot.ready.clear();
        bot.lanes().forEach(this::cancelTimer);
      }
      return Future.join(List.copyOf(attempts))
          .timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
          .transform(ignored -> {
            sender.close();
            return marks.drain();
          });
    });
  }

  /** The dispatcher's counters, for metrics. */
  public WebhookCounters counters() {
    return counters;
  }

  /**
   * Inserts the event after the conversation's previous insert has completed, so sequences follow
   * the order of enqueue calls and a later event is never scheduled before an earlier one.
   */
  private Future<Optional<EventRow>> insertInTurn(EventRow row,
      Function<EventRow, Future<Optional<EventRow>>> storeWith) {
    String key = row.botId() + '\n' + row.conversationId();
    Future<?> previous = lastInsert.getOrDefault(key, Future.succeededFuture());
    Future<Optional<EventRow>> inserted = previous.transform(ignored ->
        here(storeWith.apply(row)));
    lastInsert.put(key, inserted);
    return inserted.andThen(ignored -> lastInsert.remove(key, inserted));
  }

  private void schedule(EventRow row, Instant windowStart) {
    // The same event can come from both start() and an enqueue() that raced it: deliver it once.
    if (stopped || !scheduled.add(row.eventId())) {
      return;
    }
    BotQueue bot = bots.computeIfAbsent(row.botId(), BotQueue::new);
    Lane lane = bot.lane(row.conversationId());
    lane.add(new Delivery(row, windowStart));
    if (lane.idle()) {
      next(bot, lane);
    }
  }

  /** Moves the lane on to its next event, or forgets the lane when it is empty. */
  private void next(BotQueue bot, Lane lane) {
    if (lane.advance() == null) {
      bot.drop(lane);
      if (bot.isEmpty()) {
        bots.remove(bot.botId);
      }
      return;
    }
    whenDue(bot, lane);
  }

  private void whenDue(BotQueue bot, Lane lane) {
    long wait = Duration.between(clock.instant(), lane.head().dueAt).toMillis();
    if (wait < 1) {
      ready(bot, lane);
      return;
    }
    lane.timer = vertx.setTimer(wait, id -> {
      lane.timer = Lane.NO_TIMER;
      ready(bot, lane);
    });
  }

  private void ready(BotQueue bot, Lane lane) {
    bot.ready.add(lane);
    pump(bot);
  }

  private void pump(BotQueue bot) {
    while (!stopped && bot.inFlight < settings.maxInFlightPerBot() && !bot.ready.isEmpty()) {
      send(bot, bot.ready.remove());
    }
  }

  private void send(BotQueue bot, Lane lane) {
    Delivery delivery = lane.head();
    bot.inFlight++;
    counters.setInFlight(bot.botId, bot.inFlight);
    Future<Optional<Instant>> attempt = attempt(delivery);
    attempts.add(attempt);
    attempt.onComplete(result -> {
      attempts.remove(attempt);
      bot.inFlight--;
      counters.setInFlight(bot.botId, bot.inFlight);
      // attempt() recovers every failure, so a failure here is a bug: retry rather than lose.
      Optional<Instant> retryAt = result.succeeded()
          ? result.result()
          : Optional.of(clock.instant().plus(settings.firstRetry()));
      if (retryAt.isPresent()) {
        delivery.dueAt = retryAt.get();
        if (!stopped) {
          whenDue(bot, lane);
        }
      } else {
        scheduled.remove(delivery.eventId());
        if (!stopped) {
          next(bot, lane);
        }
      }
      pump(bot);
    });
  }

  /** One attempt at the lane's head; answers when to try again, or empty once it is settled. */
  private Future<Optional<Instant>> attempt(Delivery delivery) {
    delivery.attempts++;
    return here(targets.target(delivery.event.botId()))
        .compose(target -> target.isPresent()
            ? post(target.get(), delivery)
            : dead(delivery, CHATBOT_DELETED))
        .recover(error -> retryOrDead(delivery, describe(error)));
  }

  private Future<Optional<Instant>> post(Target target, Delivery delivery) {
    long timestamp = clock.instant().getEpochSecond();
    return sender.post(target, delivery.event, timestamp)
        .transform(answer -> answer.succeeded() && answer.result().acknowledged()
            ? acknowledged(delivery, answer.result())
            : retryOrDead(delivery, answer.succeeded()
                ? "HTTP " + answer.result().status()
                : describe(answer.cause())));
  }

  private Future<Optional<Instant>> acknowledged(Delivery delivery, Answer answer) {
    counters.countDelivered(Duration.between(delivery.windowStart, clock.instant()));
    // The bot has the event: its reply and the conversation's next event need not wait for the
    // mark to be durable (after a crash the event is sent again, and the bot dedupes on its id).
    marks.add(delivery.eventId());
    syncReply(delivery, answer.body());
    return Future.succeededFuture(Optional.empty());
  }

  private Future<Optional<Instant>> retryOrDead(Delivery delivery, String error) {
    Optional<Instant> next = backoff.next(delivery.attempts, clock.instant(),
        delivery.windowStart.plus(settings.retryWindow()));
    if (next.isEmpty()) {
      return dead(delivery, error);
    }
    counters.countRetry();
    return here(store.eventRetry(delivery.eventId(), delivery.attempts, next.get(), error))
        // The retry happens anyway; after a restart the older stored due time just comes sooner.
        .recover(failure -> logged(failure, "could not record a retry", delivery))
        .map(v -> next);
  }

  private Future<Optional<Instant>> dead(Delivery delivery, String error) {
    counters.countDead();
    LOG.log(Level.WARNING, "webhook event {0} of bot {1} is a dead letter after {2} attempts: {3}",
        delivery.eventId(), delivery.event.botId(), delivery.attempts, error);
    return here(store.eventDead(delivery.eventId(), error))
        // Still pending in the store: a restart tries it once more and it goes dead again.
        .recover(failure -> logged(failure, "could not record a dead letter", delivery))
        .map(v -> Optional.empty());
  }

  private void syncReply(Delivery delivery, Buffer body) {
    Optional<JsonObject> reply = rcsMessageReply(body);
    if (reply.isEmpty()) {
      return;
    }
    try {
      replies.reply(delivery.event.botId(), delivery.event, reply.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "synchronous reply to webhook event " + delivery.eventId()
          + " of bot " + delivery.event.botId() + " failed", e);
    }
  }

  /** The answer body when it is a JSON object with an RCSMessage; anything else is a plain ack. */
  static Optional<JsonObject> rcsMessageReply(Buffer body) {
    if (body == null || body.length() == 0) {
      return Optional.empty();
    }
    try {
      JsonObject json = new JsonObject(body);
      return Optional.of(json).filter(reply -> reply.getValue("RCSMessage") instanceof JsonObject);
    } catch (RuntimeException notAJsonObject) {
      return Optional.empty();
    }
  }

  private void cancelTimer(Lane lane) {
    if (lane.timer != Lane.NO_TIMER) {
      vertx.cancelTimer(lane.timer);
      lane.timer = Lane.NO_TIMER;
    }
  }

  private String describe(Throwable error) {
    if (error instanceof TimeoutException) {
      return "no answer within " + settings.timeout().toMillis() + " ms";
    }
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  private static Future<Void> logged(Throwable error, String what, Delivery delivery) {
    LOG.log(Level.WARNING, what + " for webhook event " + delivery.eventId() + " of bot "
        + delivery.event.botId(), error);
    return Future.succeededFuture();
  }

  /** Runs work on the dispatcher's context, where all of its state lives. */
  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> Future.<Void>succeededFuture().compose(ignored -> work.get())
        .onComplete(promise::handle));
    return promise.future();
  }

  /**
   * Brings a collaborator's future back onto the dispatcher's context: a store or registry may
   * complete on a worker thread of its own, and the state here is unlocked.
   */
  private <T> Future<T> here(Future<T> future) {
    Promise<T> promise = Promise.promise();
    future.onComplete(result -> context.runOnContext(v -> promise.handle(result)));
    return promise.future();
  }
}
