package org.openmaap.platform.webhook;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.StoredEvents;
import org.openmaap.platform.ids.TimeOrderedIds;
import org.openmaap.platform.order.InTurn;
import org.openmaap.platform.retry.Backoff;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.webhook.WebhookSender.Answer;
import org.openmaap.platform.webhook.WebhookTargets.Target;
import org.openmaap.platform.work.Worker;

/**
 * Delivers webhook events to chatbots: each is stored with its work row before it is sent, then
 * one attempt per claim of that row (signed, retried with backoff until the retry window ends).
 * The rows keep the order within a conversation and the bound per bot, so one bot's failures never
 * delay another and nothing waits in memory.
 */
public final class WebhookDispatcher {

  static final String CHATBOT_DELETED = "chatbot deleted";

  private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
  private static final int JUST_STORED = 4096;
  // What an event the bot's dialect has no notification for is answered: settled unsent.
  private static final Answer NOTHING_TO_TELL = new Answer(204, null);

  /** A stored event and the body the bot gets. */
  private record Prepared(EventRow event, JsonObject body) {}

  private final Context context;
  private final Store store;
  private final WebhookTargets targets;
  private final SyncReplies replies;
  private final WebhookSettings settings;
  private final Clock clock;
  private final Backoff backoff;
  private final WebhookSender sender;
  private final Worker worker;
  private final ChatIdSource chatIds;
  private final WebhookCounters counters = new WebhookCounters();
  private final InTurn inserts = new InTurn();

  // Everything below is touched only on the dispatcher's context, which is why nothing is locked.
  private final Map<String, Integer> inFlight = new HashMap<>();
  private final Set<Future<?>> attempts = new HashSet<>();
  // Events as they were just stored, with their webhook body rendered by the caller's thread, so
  // an event's first attempt needs no read and no rendering, whether it was claimed with its
  // insert or later; bounded, so a backlog is read from the store instead.
  private final Map<String, Prepared> justStored = Caffeine.newBuilder()
      .maximumSize(JUST_STORED)
      // Upkeep on the caller's thread: handing it to the common pool costs more than it.
      .executor(Runnable::run)
      .<String, Prepared>build()
      .asMap();
  private boolean stopped;

  /**
   * A dispatcher on a context of its own (or the caller's, when built on an event loop), whose
   * {@link #attempt} is {@code worker}'s handler of {@link WorkRow.Kind#EVENT} rows; events name
   * their user by {@code chatIds} too.
   */
  public WebhookDispatcher(Vertx vertx, Store store, WebhookTargets targets, SyncReplies replies,
      WebhookSettings settings, Clock clock, RandomGenerator random, Worker worker,
      ChatIdSource chatIds) {
    this.store = Objects.requireNonNull(store, "store");
    this.targets = Objects.requireNonNull(targets, "targets");
    this.replies = Objects.requireNonNull(replies, "replies");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.worker = Objects.requireNonNull(worker, "worker");
    this.chatIds = Objects.requireNonNull(chatIds, "chatIds");
    this.backoff = new Backoff(settings.firstRetry(), settings.maxDelay(),
        Objects.requireNonNull(random, "random"));
    this.sender = new WebhookSender(Objects.requireNonNull(vertx, "vertx"), settings);
    this.context = vertx.getOrCreateContext();
  }

  /**
   * Stores a new event for the bot under a fresh event id; the answer (with its sequence) comes
   * once the event and its work are durably stored.
   */
  public Future<EventRow> enqueue(String botId, String conversationId, BotEvent event) {
    return enqueue(botId, conversationId, event, row -> store.insertEvent(row).map(Optional::of))
        .map(Optional::orElseThrow);
  }

  /**
   * Like {@link #enqueue(String, String, BotEvent)}, but {@code storeWith} stores the event: a
   * store write that keeps it together with a change of the caller's in one transaction, or
   * declines both (answering empty), and then nothing is sent.
   */
  public Future<Optional<EventRow>> enqueue(String botId, String conversationId, BotEvent event,
      Function<EventRow, Future<Optional<EventRow>>> storeWith) {
    Objects.requireNonNull(botId, "botId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(storeWith, "storeWith");
    String body = StoredEvents.write(event).encode();
    JsonObject rendered = GsmaEvents.render(event, chatId(botId, event.user()));
    return onContext(() -> {
      Instant now = clock.instant();
      String eventId = TimeOrderedIds.next(now);
      // The first event of an idle conversation is sent at once, not at the next poll.
      Optional<WorkRow> claim = worker.claimAhead(WorkRow.Kind.EVENT, botId, eventId, now);
      EventRow row = new EventRow(eventId, botId, conversationId, 0, body,
          EventRow.State.PENDING, 0, now, null, now, claim.orElse(null));
      return insertInTurn(row, storeWith).andThen(stored -> {
        Optional<EventRow> inserted = stored.succeeded() ? stored.result() : Optional.empty();
        inserted.ifPresent(saved -> justStored.put(eventId, new Prepared(saved, rendered)));
        Optional<WorkRow> taken = inserted.map(EventRow::claim);
        if (taken.isPresent()) {
          worker.run(taken.get());
          return;
        }
        // Not woken for: a stored event not claimed waits for the row before it in its
        // conversation, or for a slot of its bot, and the settle that ends either hands it over.
        claim.ifPresent(worker::forgo);
      });
    });
  }

  /** Makes the bot's dead letters pending again, to be delivered in their original order. */
  public Future<List<EventRow>> replay(String botId) {
    return onContext(() -> {
      Instant now = clock.instant();
      return here(store.replayDeadLetters(botId, now)).onSuccess(rows -> worker.wake(now));
    });
  }

  /**
   * One attempt at delivering the event of an {@link WorkRow.Kind#EVENT} row; answers when to try
   * again, or empty once the event is settled (acknowledged, or a dead letter).
   */
  public Future<Optional<Instant>> attempt(WorkRow work) {
    return onContext(() -> {
      if (stopped) {
        return Future.failedFuture(new IllegalStateException("the dispatcher is stopped"));
      }
      Prepared prepared = justStored.remove(work.ref());
      // Only a row's first claim may use it: a later attempt needs the stored row, which counts
      // the attempts and may be settled already (the insert's answer can come after the claim).
      Future<Optional<Prepared>> read = prepared != null && work.attempts() <= 1
          ? Future.succeededFuture(Optional.of(prepared))
          : here(store.event(work.ref()))
              .map(found -> found.map(event -> new Prepared(event, body(event))));
      return read.compose(found -> found
          .filter(ready -> ready.event().state() == EventRow.State.PENDING)
          .map(ready -> send(ready.event(), ready.body()))
          // Acknowledged or dead already (a crash came before its row was settled).
          .orElseGet(() -> Future.succeededFuture(Optional.empty())));
    });
  }

  /** Waits, at most the request timeout, for the requests in flight; then sends no more. */
  public Future<Void> stop() {
    return onContext(() -> {
      stopped = true;
      justStored.clear();
      return Future.join(List.copyOf(attempts))
          .timeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
          .transform(ignored -> {
            sender.close();
            return Future.<Void>succeededFuture();
          });
    });
  }

  /** The dispatcher's counters, for metrics. */
  public WebhookCounters counters() {
    return counters;
  }

  /**
   * Inserts the event after the conversation's previous insert has completed, so sequences follow
   * the order of enqueue calls.
   */
  private Future<Optional<EventRow>> insertInTurn(EventRow row,
      Function<EventRow, Future<Optional<EventRow>>> storeWith) {
    return inserts.run(row.botId() + '\n' + row.conversationId(),
        () -> here(storeWith.apply(row)));
  }

  private Future<Optional<Instant>> send(EventRow event, JsonObject body) {
    String botId = event.botId();
    int attempt = event.attempts() + 1;
    counters.setInFlight(botId, inFlight.merge(botId, 1, Integer::sum));
    Future<Optional<Instant>> sent = here(targets.target(botId))
        .compose(target -> target.isPresent()
            ? post(target.get(), event, body, attempt)
            : dead(event, attempt, CHATBOT_DELETED))
        .recover(error -> retryOrDead(event, attempt, describe(error)));
    attempts.add(sent);
    return sent.andThen(done -> {
      attempts.remove(sent);
      int left = inFlight.merge(botId, -1, Integer::sum);
      if (left == 0) {
        inFlight.remove(botId);
      }
      counters.setInFlight(botId, left);
    });
  }

  /**
   * The webhook body of a stored event, as the bot gets it (an event stored before events were
   * typed is already one).
   */
  public JsonObject body(EventRow event) {
    JsonObject stored = new JsonObject(event.bodyJson());
    return StoredEvents.read(stored)
        .map(typed -> GsmaEvents.render(typed, chatId(event.botId(), typed.user())))
        .orElse(stored);
  }

  private String chatId(String botId, String user) {
    return user == null ? null : chatIds.chatId(botId, user);
  }

  private Future<Optional<Instant>> post(Target target, EventRow event, JsonObject body,
      int attempt) {
    Future<Answer> answer;
    if (target.format() == null) {
      long timestamp = clock.instant().getEpochSecond();
      answer = sender.post(target, event.botId(), event.eventId(),
          body.encode().getBytes(StandardCharsets.UTF_8), timestamp);
    } else {
      EventFormat format = target.format();
      answer = here(format.ready(target)).compose(ready -> {
        Optional<EventFormat.Request> request = StoredEvents.read(
                new JsonObject(event.bodyJson()))
            .flatMap(typed -> format.render(typed, event.eventId(), target, clock.instant()));
        // The bot's dialect has no notification for this event: nothing to tell, nothing to wait.
        return request.isEmpty()
            ? Future.succeededFuture(NOTHING_TO_TELL)
            : sender.post(event.botId(), request.get());
      });
    }
    return answer.transform(sent -> sent.succeeded() && sent.result().acknowledged()
        ? acknowledged(event, target.format() == null ? body : null, sent.result())
        : retryOrDead(event, attempt, sent.succeeded()
            ? "HTTP " + sent.result().status()
            : describe(sent.cause())));
  }

  private Future<Optional<Instant>> acknowledged(EventRow event, JsonObject sent,
      Answer answer) {
    counters.countDelivered(Duration.between(event.retryFrom(), clock.instant()));
    // Settling the work row marks the event delivered; a crash before that sends it again, and
    // the bot dedupes on its id. Only API.md's webhooks answer with a synchronous reply.
    if (sent != null) {
      syncReply(event, sent, answer.body());
    }
    return Future.succeededFuture(Optional.empty());
  }

  private Future<Optional<Instant>> retryOrDead(EventRow event, int attempt, String error) {
    Optional<Instant> next = backoff.next(attempt, clock.instant(),
        event.retryFrom().plus(settings.retryWindow()));
    if (next.isEmpty()) {
      return dead(event, attempt, error);
    }
    counters.countRetry();
    return here(store.eventRetry(event.eventId(), attempt, error))
        // The retry happens anyway: the count and the error are what is lost.
        .recover(failure -> logged(failure, "could not record a retry", event))
        .map(v -> next);
  }

  private Future<Optional<Instant>> dead(EventRow event, int attempt, String error) {
    counters.countDead();
    LOG.log(Level.WARNING, "webhook event {0} of bot {1} is a dead letter after {2} attempts: {3}",
        event.eventId(), event.botId(), attempt, error);
    // A failed write leaves the row unsettled: the worker tries it again, and it goes dead again.
    return here(store.eventDead(event.eventId(), error)).map(v -> Optional.empty());
  }

  private void syncReply(EventRow event, JsonObject sent, Buffer body) {
    Optional<JsonObject> reply = rcsMessageReply(body);
    if (reply.isEmpty()) {
      return;
    }
    try {
      replies.reply(event.botId(), event.eventId(), sent, reply.get());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "synchronous reply to webhook event " + event.eventId()
          + " of bot " + event.botId() + " failed", e);
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

  private String describe(Throwable error) {
    if (error instanceof TimeoutException) {
      return "no answer within " + settings.timeout().toMillis() + " ms";
    }
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }

  private static Future<Void> logged(Throwable error, String what, EventRow event) {
    LOG.log(Level.WARNING, what + " for webhook event " + event.eventId() + " of bot "
        + event.botId(), error);
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
