package org.openmaap.platform.sms;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.openmaap.platform.retry.Backoff;

/**
 * The SMS parts waiting to go out and in flight. At most a window of submit_sm are outstanding, at
 * most the throughput limit a second; a throttled, timed-out or unsent part goes again after a
 * backoff, a part the SMSC accepted never does, and while the bind is down parts wait for the next
 * one. Used from the gateway's context only; jSMPP's blocking submits run on the worker executor.
 */
final class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  private final Vertx vertx;
  private final SmppSettings settings;
  private final WorkerExecutor workers;
  private final Consumer<String> accepted;
  private final Pacer pacer;
  private final Backoff backoff;
  private final ArrayDeque<Part> ready = new ArrayDeque<>();
  private final Set<Message> open = new LinkedHashSet<>();
  private EsmeSession session;
  private int inFlight;
  private long pumpTimer = -1;
  private boolean stopped;
  private int nextReference;

  Outbox(Vertx vertx, SmppSettings settings, WorkerExecutor workers, Backoff backoff,
      Consumer<String> accepted, IntSupplier sharing) {
    this.vertx = vertx;
    this.settings = settings;
    this.workers = workers;
    this.backoff = backoff;
    this.accepted = accepted;
    this.pacer = new Pacer(settings.throughputPerSecond(), sharing);
  }

  /** Queues the parts of one SMS; the future completes once the SMSC accepted every part. */
  Future<SubmitResult> add(Address from, Address to, String text, String reference,
      SubmitJournal journal) {
    if (stopped) {
      return Future.failedFuture(new IllegalStateException("the SMS gateway is stopped"));
    }
    UserData.Encoded encoded;
    try {
      encoded = UserData.encode(text, nextReference++ & 0xFF);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Message message = new Message(from, to, reference, encoded, journal);
    open.add(message);
    for (int i = 0; i < encoded.parts().size(); i++) {
      ready.addLast(new Part(message, i));
    }
    pump();
    return message.promise.future();
  }

  /** Starts sending on a session that just bound. */
  void bound(EsmeSession bound) {
    session = bound;
    pump();
  }

  /** Stops sending on a session that lost its bind; its in-flight parts come back by themselves. */
  void unbound(EsmeSession lost) {
    if (session == lost) {
      session = null;
    }
  }

  /** Fails every SMS not yet wholly accepted; accepted parts stay sent. */
  void stop() {
    stopped = true;
    session = null;
    if (pumpTimer != -1) {
      vertx.cancelTimer(pumpTimer);
    }
    ready.clear();
    for (Message message : List.copyOf(open)) {
      message.fail(new IllegalStateException("the SMS gateway stopped before the SMSC accepted "
          + message.reference + " (" + message.acceptedParts() + " of " + message.ids.length
          + " parts accepted)"));
    }
  }

  private void pump() {
    while (!stopped && session != null && inFlight < settings.windowSize() && !ready.isEmpty()) {
      Part next = ready.peekFirst();
      if (next.message.done) {
        ready.pollFirst();
        continue;
      }
      long wait = pacer.reserve(System.nanoTime());
      if (wait > 0) {
        pumpLater(wait);
        return;
      }
      ready.pollFirst();
      send(next, session);
    }
  }

  private void pumpLater(long nanos) {
    if (pumpTimer == -1) {
      long ms = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos));
      pumpTimer = vertx.setTimer(ms, id -> {
        pumpTimer = -1;
        pump();
      });
    }
  }

  private void send(Part part, EsmeSession on) {
    inFlight++;
    Message message = part.message;
    // The intent is on disk before the submit_sm goes out: after a crash it is never resent.
    message.journal.submitting(part.index, message.ids.length).onComplete(noted -> {
      if (noted.failed() || !noted.result()) {
        inFlight--;
        if (!message.done) {
          message.fail(noted.failed() ? noted.cause() : new SmsWithdrawn(message.reference));
        }
        pump();
        return;
      }
      workers.executeBlocking(() -> submit(on, part), false).onComplete(result -> {
        inFlight--;
        if (result.succeeded()) {
          accept(part, result.result());
        } else {
          failed(part, on, result.cause());
        }
        pump();
      });
    });
  }

  private String submit(EsmeSession on, Part part) throws Exception {
    Message message = part.message;
    return on.submit(message.from, message.to, message.encoded.esmClass(),
        message.encoded.dataCoding(), message.encoded.parts().get(part.index));
  }

  private void accept(Part part, String id) {
    accepted.accept(id);
    Message message = part.message;
    message.journal.answered(part.index, id);
    message.ids[part.index] = id;
    if (message.acceptedParts() == message.ids.length && !message.done) {
      message.complete();
    }
  }

  private void failed(Part part, EsmeSession on, Throwable cause) {
    Message message = part.message;
    if (message.done) {
      return;
    }
    if (cause instanceof NegativeResponseException negative) {
      int status = negative.getCommandStatus();
      if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
        retry(part, true);
      } else {
        message.fail(new SmsRejected(String.format("the SMSC refused part %d of %d of %s "
            + "with command_status 0x%08X", part.index + 1, message.ids.length, message.reference,
            status), status));
      }
    } else if (cause instanceof EsmeSession.Unanswered unanswered) {
      // No answer in time, or the bind went first: the part may or may not have arrived. An
      // answer that turns up before the retry settles it; without one, sending it again is the
      // lesser harm.
      part.unanswered = on;
      part.sequence = unanswered.sequence;
      retry(part, false);
    } else {
      message.fail(new SmsRejected("could not submit part " + (part.index + 1) + " of "
          + message.reference + ": " + cause, 0));
    }
  }

  private void retry(Part part, boolean throttled) {
    part.failures++;
    long delay = backoff.delay(part.failures);
    if (throttled) {
      pacer.holdUntil(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay));
    }
    LOG.fine(() -> "part " + (part.index + 1) + " of " + part.message.reference + " goes again in "
        + delay + " ms" + (throttled ? " (throttled)" : ""));
    vertx.setTimer(delay, id -> {
      if (stopped || part.message.done) {
        return;
      }
      if (part.unanswered != null && lateAnswer(part)) {
        return;
      }
      ready.addFirst(part);
      pump();
    });
  }

  /** Settles a part by an answer that came after its request timed out; false if none did. */
  private boolean lateAnswer(Part part) {
    EsmeSession.Answer answer = part.unanswered.answer(part.sequence);
    part.unanswered = null;
    if (answer == null) {
      return false;
    }
    if (answer.status() == SMPPConstant.STAT_ESME_ROK) {
      accept(part, answer.messageId());
    } else {
      failed(part, null, new NegativeResponseException(answer.status()));
    }
    return true;
  }

  /** One SMS: its addresses, encoded parts, the ids accepted so far and the caller's promise. */
  private final class Message {
    final Address from;
    final Address to;
    final String reference;
    final UserData.Encoded encoded;
    final SubmitJournal journal;
    final String[] ids;
    final Promise<SubmitResult> promise = Promise.promise();
    boolean done;

    Message(Address from, Address to, String reference, UserData.Encoded encoded,
        SubmitJournal journal) {
      this.from = from;
      this.to = to;
      this.reference = reference;
      this.encoded = encoded;
      this.journal = journal;
      this.ids = new String[encoded.parts().size()];
    }

    int acceptedParts() {
      return (int) Arrays.stream(ids).filter(id -> id != null).count();
    }

    void complete() {
      done = true;
      open.remove(this);
      promise.complete(new SubmitResult(reference, List.of(ids)));
    }

    void fail(Throwable cause) {
      done = true;
      open.remove(this);
      promise.fail(cause);
    }
  }

  private static final class Part {
    final Message message;
    final int index;
    int failures;
    // The session and sequence number of an attempt that got no answer, whose answer may come late.
    EsmeSession unanswered;
    int sequence;

    Part(Message message, int index) {
      this.message = message;
      this.index = index;
    }
  }
}
