package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.failure.Conflict;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.ids.TimeOrderedIds;
import org.openmaap.platform.order.InTurn;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.DeviceRow;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.MessageRow.Direction;
import org.openmaap.platform.store.StatusChange;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.work.Worker;

/**
 * Chatbot-to-user messages: accepted durably, written to the user's device when it is connected
 * or when it reconnects, handed to SMS (after a revoke) or failed when RCS cannot deliver them in
 * time (SMS.md's policy), and every status reported back.
 */
public final class Outbound {
  private static final Logger LOG = Logger.getLogger(Outbound.class.getName());

  private final Vertx vertx;
  private final Store store;
  private final ChatbotRegistry registry;
  private final Online online;
  private final Capabilities capabilities;
  private final EventSink events;
  private final Clock clock;
  private final Duration storeTtl;
  private final DeliveryMetrics metrics;
  private final Fallback fallback;
  private final Duration fallbackTimeout;
  private final Duration revokeWait;
  private final MediaLinks links;
  private final Worker worker;
  // Messages stored and claimed by send, until their first step; at most the ones being routed.
  private final Map<String, MessageRow> justStored = new ConcurrentHashMap<>();
  private final InTurn routes = new InTurn();

  /**
   * Delivery to the links in {@code online}, to users that {@code capabilities} says can get RCS;
   * it falls back to SMS through {@code fallback} (null for none): a message written to a device
   * and not reported delivered within {@code fallbackTimeout} (zero: only at the store TTL) is
   * revoked, and {@code revokeWait} later, if still undelivered, sent as SMS; {@code links}
   * completes what messages say about platform files before they are stored; {@code worker} runs
   * each message's next step when its work row comes due ({@link #step}).
   */
  public Outbound(Vertx vertx, Store store, ChatbotRegistry registry, Online online,
      Capabilities capabilities, EventSink events, Clock clock, Duration storeTtl,
      DeliveryMetrics metrics, Fallback fallback, Duration fallbackTimeout, Duration revokeWait,
      MediaLinks links, Worker worker) {
    this.vertx = vertx;
    this.store = store;
    this.registry = registry;
    this.online = online;
    this.capabilities = capabilities;
    this.events = events;
    this.clock = clock;
    this.storeTtl = storeTtl;
    this.metrics = metrics;
    this.fallback = fallback;
    this.fallbackTimeout = fallbackTimeout;
    this.revokeWait = revokeWait;
    this.links = links;
    this.worker = worker;
  }

  /**
   * Beside the RCSMessage of a send: the statuses the chatbot wants to be told of (null or absent:
   * all); a dialect's edge sets it.
   */
  public static final String REPORT_REQUEST = "reportRequest";

  /** What a send answered: the stored message, and whether it is an idempotent repeat. */
  public record Accepted(MessageRow message, boolean repeated) {

    /** API.md's answer body for a send. */
    public JsonObject toJson() {
      return new JsonObject()
          .put("RCSMessage", new JsonObject().put("msgId", message.msgId())
              .put("status", message.status()))
          .put("conversationId", message.conversationId())
          .put("contributionId", message.contributionId());
    }
  }

  /**
   * Stores a validated send request and starts its delivery; the future completes once the
   * message is durable (or is the earlier message with the same msgId and body).
   */
  public Future<Accepted> send(String botId, JsonObject request) {
    registry.require(botId);
    String user = Msisdn.normalize(request.getJsonObject("messageContact", new JsonObject())
        .getString("userContact"));
    JsonObject rcs = request.getJsonObject("RCSMessage");
    Instant now = clock.instant();
    String supplied = rcs.getString("msgId");
    String msgId = supplied != null ? supplied : TimeOrderedIds.next(now);
    // The hash is of what the bot sent, so a resend matches whatever the links complete to now.
    String hash = canonicalHash(request);
    Instant expiry = rcs.containsKey("expiry") ? Instant.parse(rcs.getString("expiry")) : null;
    // The message's work row is ours from the start: it is routed at once, not at the next poll.
    WorkRow route = WorkRow.claimed(WorkRow.Kind.MESSAGE, botId, msgId, now, worker.node(),
        worker.leaseFrom(now));
    // In the user's conversation with the bot, started under a new id if they have none.
    return links.complete(rcs).compose(completed -> store.insertMessageInConversation(
            new MessageRow(botId, msgId, Direction.BOT_TO_USER, user,
                UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                rcs.getString("inReplyToContributionId"), completed.encode(), hash,
                Status.PENDING, Status.CHANNEL_RCS, null, expiry, now, now,
                reportRequest(request)), route))
        .map(inserted -> {
          if (!inserted.inserted()) {
            if (!inserted.row().requestHash().equals(hash)) {
              throw new Conflict("msgId '" + msgId + "' was already used for another "
                  + "message; use a new msgId");
            }
            return new Accepted(inserted.row(), true);
          }
          metrics.toUser(Status.PENDING, Status.CHANNEL_RCS);
          // Its first step needs no read: the message is as it was just stored.
          justStored.put(key(botId, msgId), inserted.row());
          worker.run(route);
          return new Accepted(inserted.row(), false);
        });
  }

  /** Shows or hides the bot's typing indicator on the user's device; never stored. */
  public JsonObject typing(String botId, String userContact, TypingState state) {
    registry.require(botId);
    boolean shown = online.typing(Msisdn.normalize(userContact), botId, state);
    return new JsonObject().put("RCSMessage", new JsonObject()
        .put("msgId", UUID.randomUUID().toString())
        .put("status", shown ? Status.SENT : Status.FAILED));
  }

  /**
   * Adds a link to the number's links (in place of its link of the same kind) and writes every
   * message waiting for the number to it, oldest first, including those written to an earlier
   * link that never reported them delivered: the device dedupes on the msgId.
   */
  public Future<Void> connected(String msisdn, DeviceLink link) {
    online.connect(msisdn, link);
    capabilities.forget(msisdn);
    // A number the network has seen stays RCS-capable while it is offline (and after a restart).
    Future<Void> known = store.device(msisdn).compose(device -> device.isPresent()
        ? Future.succeededFuture()
        : store.putDevice(new DeviceRow(msisdn, Capabilities.DEFAULT_FEATURES,
                clock.instant()))
            // Now in the store: a node that found the number unknown before must look again.
            .onSuccess(v -> capabilities.forget(msisdn)));
    // A device may have kept a message that was revoked (or went as SMS) while it was away.
    Future<Void> revoked = known
        .compose(v -> store.writtenToDevice(msisdn, clock.instant().minus(storeTtl),
            Revoked.STATUSES))
        .map(written -> {
          Revoked.of(written).forEach(row -> link.revoke(row.botId(), row.msgId()));
          return null;
        });
    return revoked.compose(v -> store.waitingFor(msisdn)).compose(rows -> {
      Optional<Online.Session> session = online.session(msisdn, link);
      if (session.isEmpty()) {
        return Future.succeededFuture();
      }
      Instant now = clock.instant();
      return Future.join(rows.stream().map(row -> replay(msisdn, session.get(), row, now))
          .toList()).mapEmpty();
    });
  }

  /**
   * Another node has messages waiting for the number and no link for it: writes them to the
   * number's links here, if it has any, as to a link that just connected.
   */
  public Future<Void> replayWaiting(String msisdn) {
    List<Online.Session> here = online.sessions(msisdn);
    if (here.isEmpty()) {
      return Future.succeededFuture();
    }
    return store.waitingFor(msisdn).compose(rows -> {
      Instant now = clock.instant();
      return Future.join(here.stream().flatMap(session -> rows.stream()
          .map(row -> replay(msisdn, session, row, now))).toList()).mapEmpty();
    });
  }

  /**
   * Writes a waiting message to a link that just connected; once it is there, its fallback
   * deadline runs from {@code now}. When its status cannot be written, it is due at once, so that
   * {@link #step} writes it.
   */
  private Future<Void> replay(String msisdn, Online.Session session, MessageRow row,
      Instant now) {
    return online.deliver(msisdn, session, message(row)).compose(handed -> !handed
        ? Future.succeededFuture()
        : sent(row)
            .compose(v -> store.schedule(WorkRow.due(WorkRow.Kind.MESSAGE, row.botId(),
                row.msgId(), deadline(row, smsAllowed(row) ? now : null))))
            .recover(e -> store.schedule(WorkRow.due(WorkRow.Kind.MESSAGE, row.botId(),
                row.msgId(), clock.instant()))));
  }

  /** One of the number's links closed; what waits for the number waits for its next link. */
  public void disconnected(String msisdn, DeviceLink link) {
    online.disconnect(msisdn, link);
    capabilities.forget(msisdn);
  }

  /**
   * The device reports a message delivered: status and report to the bot. A report that comes
   * after the message went as SMS (or was revoked) is refused (a Conflict), so that a device never
   * holds an acknowledged delivery of a message the user also got by SMS.
   */
  public Future<Boolean> delivered(String msisdn, String msgId) {
    return deviceReport(msisdn, msgId, Status.DELIVERED);
  }

  /** The device reports a message displayed (read): status and report to the bot. */
  public Future<Boolean> displayed(String msisdn, String msgId) {
    return deviceReport(msisdn, msgId, Status.DISPLAYED);
  }

  /** Revokes an undelivered message: cancelled, or a Conflict naming its status. */
  public Future<JsonObject> revoke(String botId, String msgId) {
    return revokeOutcome(botId, msgId).map(outcome -> {
      if (!outcome.cancelled()) {
        throw new Conflict("message '" + msgId + "' is already " + outcome.message().status()
            + " and cannot be revoked");
      }
      return new JsonObject().put("RCSMessage",
          new JsonObject().put("msgId", msgId).put("status", Status.CANCELLED));
    });
  }

  /** What a revoke did: the message as it is now, and whether this revoke cancelled it. */
  public record Revocation(MessageRow message, boolean cancelled) {}

  /**
   * Revokes an undelivered message (NotFound when the bot sent none with this msgId), answering
   * whether it was cancelled now or had gone on (then with its status).
   */
  public Future<Revocation> revokeOutcome(String botId, String msgId) {
    return requireMessage(botId, msgId, Direction.BOT_TO_USER).compose(row ->
        change(row, Status.CANCELLED, null).compose(changed -> {
          if (!changed) {
            return store.message(botId, msgId)
                .map(now -> new Revocation(now.orElse(row), false));
          }
          revokeOnDevice(row);
          return Future.succeededFuture(new Revocation(row, true));
        }));
  }

  /** The message the bot sent with this msgId, if there is one. */
  public Future<Optional<MessageRow>> sent(String botId, String msgId) {
    return store.message(botId, msgId).map(found -> found
        .filter(row -> row.direction() == Direction.BOT_TO_USER));
  }

  /** The status of a message with its history, as GET .../status answers it. */
  public Future<JsonObject> status(String botId, String msgId) {
    return store.message(botId, msgId).compose(found -> {
      MessageRow row = found.orElseThrow(() -> new NotFound("no message '" + msgId
          + "' of chatbot '" + botId + "'"));
      return store.history(botId, msgId).map(history -> {
        JsonArray changes = new JsonArray();
        for (StatusChange change : history) {
          JsonObject item = new JsonObject().put("status", change.status())
              .put("channel", change.channel()).put("timestamp", change.at().toString());
          if (change.reason() != null) {
            item.put("reason", change.reason());
          }
          changes.add(item);
        }
        JsonObject rcs = new JsonObject().put("msgId", msgId).put("status", row.status())
            .put("timestamp", row.updatedAt().toString());
        if (row.reason() != null) {
          rcs.put("error", new JsonObject().put("reason", row.reason()));
        }
        return new JsonObject().put("RCSMessage", rcs).put("channel", row.channel())
            .put("history", changes);
      });
    });
  }

  // --- delivery ---------------------------------------------------------------------------------

  /**
   * A bot-to-user message's next step, run when its work row comes due: route a new message, give
   * up on one whose deadline passed, carry on with one on the SMS path; answers when to look at
   * the message again, or empty when nothing is left to do.
   */
  public Future<Optional<Instant>> step(WorkRow work) {
    MessageRow stored = justStored.remove(key(work.botId(), work.ref()));
    Future<Optional<MessageRow>> read = stored != null
        ? Future.succeededFuture(Optional.of(stored))
        : store.message(work.botId(), work.ref());
    return read.compose(found -> {
      if (found.isEmpty() || found.get().direction() != Direction.BOT_TO_USER) {
        return done();
      }
      MessageRow row = found.get();
      if (Status.CHANNEL_SMS.equals(row.channel())) {
        // Pending: sent, or found in doubt after a crash. Accepted: a receipt came for it.
        boolean open = Status.PENDING.equals(row.status())
            || Status.DELIVERED_TO_NETWORK.equals(row.status());
        return open && fallback != null ? fallback.resume(row).compose(v -> done()) : done();
      }
      if (Status.PENDING.equals(row.status())) {
        return route(row);
      }
      if (Status.SENT.equals(row.status())) {
        return atDeadline(row, deadline(row, smsAllowed(row) ? row.updatedAt() : null));
      }
      return done();
    });
  }

  private Future<Optional<Instant>> route(MessageRow row) {
    Instant now = clock.instant();
    // A bot's messages to a user reach the links in the order they were stored, even when the
    // first one waits longer for the user's capabilities.
    return routes.run(row.botId() + '\n' + row.userContact(),
            () -> capabilities.of(row.userContact(), false).compose(answer -> answer.rcs()
                ? online.deliver(row.userContact(), message(row)).map(Optional::of)
                : Future.succeededFuture(Optional.<Boolean>empty())))
        .compose(handed -> handed.isEmpty()
            ? giveUp(row, Status.REASON_NOT_RCS_CAPABLE)
            : handed.get()
                // A status that cannot be written fails the step: it is tried again, and the
                // message, on the device already, is not written twice.
                ? sent(row).map(v -> Optional.of(deadline(row, smsAllowed(row) ? now : null)))
                : waitForLink(row));
  }

  /**
   * No link here took the message: it waits for the next one (another node's link, told so, may
   * take it now), unless the bot would not store it.
   */
  private Future<Optional<Instant>> waitForLink(MessageRow row) {
    if (!new JsonObject(row.rcsMessageJson()).getBoolean("storeSupported", true)) {
      return giveUp(row, Status.REASON_EXPIRED);
    }
    online.waitingElsewhere(row.userContact());
    return atDeadline(row, deadline(row, null));
  }

  private Future<Optional<Instant>> atDeadline(MessageRow row, Instant deadline) {
    return clock.instant().isBefore(deadline)
        ? Future.succeededFuture(Optional.of(deadline))
        : giveUp(row, Status.REASON_EXPIRED);
  }

  private static Future<Optional<Instant>> done() {
    return Future.succeededFuture(Optional.empty());
  }

  /**
   * RCS cannot deliver the message (now, or in time): it goes as SMS when allowed, the RCS copy
   * revoked first; otherwise it fails with {@code reason}.
   */
  private Future<Optional<Instant>> giveUp(MessageRow row, String reason) {
    if (smsAllowed(row)) {
      return revokeFirst(row).compose(v -> fallback.takeOver(row)).compose(v -> done());
    }
    return change(row, Status.FAILED, reason).compose(changed -> {
      if (changed) {
        revokeOnDevice(row);
      }
      return done();
    });
  }

  private boolean smsAllowed(MessageRow row) {
    return fallback != null && smsAllowed(new JsonObject(row.rcsMessageJson()));
  }

  private boolean smsAllowed(JsonObject rcsMessage) {
    return fallback != null && rcsMessage.getBoolean("shortMessageSupported", true);
  }

  /**
   * Revokes the copy on a connected device and gives a delivered report already on its way
   * {@code revokeWait} to arrive: a delivery that wins the race means no SMS.
   */
  private Future<Void> revokeFirst(MessageRow row) {
    if (!revokeOnDevice(row) || revokeWait.isZero()) {
      return Future.succeededFuture();
    }
    Promise<Void> waited = Promise.promise();
    vertx.setTimer(revokeWait.toMillis(), id -> waited.complete());
    return waited.future();
  }

  /** The message as its device gets it. */
  private DeviceMessage message(MessageRow row) {
    return DeviceMessage.of(row, registry.find(row.botId())
        .map(c -> new DeviceMessage.Card(c.name(), c.iconUrl(), c.color())).orElse(null));
  }

  /** The message is on a device: pending on RCS, it is now sent. */
  private Future<Void> sent(MessageRow row) {
    if (!Status.PENDING.equals(row.status())) {
      return Future.succeededFuture();
    }
    StatusChange sent = new StatusChange(Status.SENT, Status.CHANNEL_RCS, null, clock.instant());
    StatusMachine.From from = StatusMachine.from(sent);
    return store.updateStatus(row.botId(), row.msgId(), from.statuses(), from.channel(), sent)
        .map(changed -> {
          if (changed) {
            metrics.toUser(Status.SENT, Status.CHANNEL_RCS);
          }
          return null;
        });
  }

  private Future<Boolean> deviceReport(String msisdn, String msgId, String to) {
    return reported(msisdn, msgId).compose(found -> found
        .map(row -> report(row, to).compose(changed -> changed
            ? Future.succeededFuture(true)
            : refuseIfGone(row.botId(), msgId)))
        .orElseThrow(() -> new NotFound("no message '" + msgId + "' was sent to " + msisdn)))
        // Reported, it is never revoked nor written again: the links need not hold it, and a
        // later report on it (displayed after delivered) finds it in the store.
        .onSuccess(changed -> online.forget(msisdn, msgId));
  }

  /** The message a device reports on: as handed to one of its links, else as stored. */
  private Future<Optional<MessageRow>> reported(String msisdn, String msgId) {
    Optional<String> handedBy = online.botOf(msisdn, msgId);
    if (handedBy.isPresent()) {
      return store.message(handedBy.get(), msgId)
          .map(found -> found.filter(row -> row.userContact().equals(msisdn)));
    }
    return store.messageTo(msisdn, msgId,
        registry.all().stream().map(Chatbot::botId).toList());
  }

  /** A report that changed nothing: a repeat (answered), or too late for a message gone. */
  private Future<Boolean> refuseIfGone(String botId, String msgId) {
    return store.message(botId, msgId).map(now -> {
      MessageRow row = now.orElseThrow(() -> new NotFound("no message '" + msgId + "'"));
      if (StatusMachine.revoked(row.status(), row.channel())) {
        throw new Conflict("message '" + msgId + "' was revoked (it is " + row.status()
            + " on " + row.channel() + "); drop it");
      }
      return false;
    });
  }

  /** A device's report: the status change with its event, which wins over an SMS not yet sent. */
  private Future<Boolean> report(MessageRow row, String to) {
    // The store ends the message's work with the report: no second write for its deadline.
    return changeWithEvent(row, to, null, false, (change, event) -> store.reportFromDevice(
        row.botId(), row.msgId(), StatusMachine.from(change).statuses(), change, event));
  }

  /**
   * Moves a message's status on RCS (compare-and-set; a message that went to SMS is not touched)
   * and stores its report to the bot in the same transaction, so a crash never keeps one without
   * the other; ends its deadline.
   */
  private Future<Boolean> change(MessageRow row, String to, String reason) {
    if (to.equals(Status.CANCELLED)) {
      // The bot revoked the message itself: nothing to report.
      StatusChange cancelled = new StatusChange(to, Status.CHANNEL_RCS, reason, clock.instant());
      StatusMachine.From from = StatusMachine.from(cancelled);
      return store.updateStatus(row.botId(), row.msgId(), from.statuses(), from.channel(),
              cancelled)
          .map(done -> settled(row, to, done, true));
    }
    return changeWithEvent(row, to, reason, true, (change, event) -> {
      StatusMachine.From from = StatusMachine.from(change);
      return store.updateStatusAndInsertEvent(row.botId(), row.msgId(), from.statuses(),
          from.channel(), change, event);
    });
  }

  /**
   * Moves the message to {@code to} on RCS with {@code write}, which stores the change and its
   * messageStatus event in one transaction (or neither, answering empty).
   */
  private Future<Boolean> changeWithEvent(MessageRow row, String to, String reason,
      boolean endWork, BiFunction<StatusChange, EventRow, Future<Optional<EventRow>>> write) {
    Instant now = clock.instant();
    StatusChange change = new StatusChange(to, Status.CHANNEL_RCS, reason, now);
    return events.publishWith(row.botId(), row.conversationId(),
            BotEvents.status(row, to, reason, Status.CHANNEL_RCS, now),
            event -> write.apply(change, event))
        .map(done -> settled(row, to, done, endWork));
  }

  private boolean settled(MessageRow row, String to, boolean done, boolean endWork) {
    if (done) {
      metrics.toUser(to, Status.CHANNEL_RCS);
    }
    if (done && endWork && !to.equals(Status.DISPLAYED)) {
      // Nothing is left to do for the message: its deadline goes.
      store.cancelWork(WorkRow.Kind.MESSAGE, row.botId(), row.msgId())
          .onFailure(e -> LOG.fine(() -> "deadline of " + row.msgId() + " stays until it comes: "
              + e.getMessage()));
    }
    return done;
  }

  /**
   * When RCS gives up on the message: its {@code expiry}, else the fallback timeout from
   * {@code fallbackFrom} (when it was written to a device and SMS may take over; null otherwise),
   * never past the store TTL.
   */
  private Instant deadline(MessageRow row, Instant fallbackFrom) {
    Instant deadline = row.createdAt().plus(storeTtl);
    if (row.expiry() != null) {
      return row.expiry().isBefore(deadline) ? row.expiry() : deadline;
    }
    if (fallbackFrom != null && !fallbackTimeout.isZero()) {
      Instant fallbackAt = fallbackFrom.plus(fallbackTimeout);
      return fallbackAt.isBefore(deadline) ? fallbackAt : deadline;
    }
    return deadline;
  }

  /** Tells every link that got the message to drop it; answers whether one did. */
  private boolean revokeOnDevice(MessageRow row) {
    return online.revoke(row.userContact(), row.botId(), row.msgId());
  }

  private Future<MessageRow> requireMessage(String botId, String msgId, Direction direction) {
    return store.message(botId, msgId).map(found -> found
        .filter(row -> row.direction() == direction)
        .orElseThrow(() -> new NotFound("no message '" + msgId + "' "
            + (direction == Direction.BOT_TO_USER ? "sent by" : "received by") + " chatbot '"
            + botId + "'")));
  }

  /**
   * The statuses the chatbot asked to be told of ({@code reportRequest} beside the RCSMessage, as
   * a dialect's edge puts it), or null for all of them.
   */
  private static List<String> reportRequest(JsonObject request) {
    return request.getValue(REPORT_REQUEST) instanceof JsonArray statuses
        ? statuses.stream().map(String::valueOf).toList()
        : null;
  }

  /** A digest of the request that ignores member order, for idempotent resends. */
  static String canonicalHash(JsonObject request) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(canonical(request).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String canonical(Object value) {
    if (value instanceof JsonObject object) {
      TreeMap<String, String> sorted = new TreeMap<>();
      object.forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      StringBuilder out = new StringBuilder("{");
      sorted.forEach((k, v) -> out.append(new JsonArray().add(k).encode()).append(':').append(v)
          .append(','));
      return out.append('}').toString();
    }
    if (value instanceof JsonArray array) {
      StringBuilder out = new StringBuilder("[");
      array.forEach(item -> out.append(canonical(item)).append(','));
      return out.append(']').toString();
    }
    return new JsonArray().add(value).encode();
  }

  private static String key(String botId, String msgId) {
    return botId + '\n' + msgId;
  }
}
