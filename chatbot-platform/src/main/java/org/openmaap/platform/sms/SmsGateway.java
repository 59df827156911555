package org.openmaap.platform.sms;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.openmaap.platform.retry.Backoff;

/**
 * The platform's ESME: one SMPP session to the SMSC, kept bound, through which SMS go out and
 * receipts and users' SMS come in.
 */
public final class SmsGateway {
  // jSMPP blocks, so it runs on this gateway's own worker threads; everything else (the queue, the
  // window, reassembly, the listener's calls) stays on the Vert.x context that created the gateway.
  // jSMPP's own threads hand deliver_sm to that context and wait (a bounded time) for the answer.
  private static final Logger LOG = Logger.getLogger(SmsGateway.class.getName());
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /** What comes in from the SMSC, called on the gateway's context. */
  public interface Listener {

    /**
     * A delivery receipt for the part the SMSC knows as {@code smscMessageId} (as submit_sm_resp
     * gave it), with its state such as DELIVRD or UNDELIV and the SMSC's error code.
     */
    void onReceipt(String smscMessageId, String stat, String err);

    /** A user's SMS to one of the platform's numbers, decoded and joined if it came in parts. */
    void onMessage(String from, String to, String text);
  }

  private final Vertx vertx;
  private final Context context;
  private final SmppSettings settings;
  private final Listener listener;
  private final WorkerExecutor workers;
  private final Outbox outbox;
  private final Binder binder;
  private final Receipts receipts;
  private final Inbound inbound;
  private long sweeper = -1;

  /**
   * A gateway for {@code settings} whose callbacks reach {@code listener}, keeping users' SMS
   * parts and what it took in memory only (a restart forgets them); call start() next.
   */
  public SmsGateway(Vertx vertx, SmppSettings settings, Listener listener) {
    this(vertx, settings, listener, new MemoryMoParts(), Clock.systemUTC());
  }

  /**
   * A gateway for {@code settings} whose callbacks reach {@code listener}, noting each user's SMS
   * in {@code moParts} before it answers the deliver_sm; call start() next.
   */
  public SmsGateway(Vertx vertx, SmppSettings settings, Listener listener, MoParts moParts,
      Clock clock) {
    this(vertx, settings, listener, moParts, clock, () -> 1);
  }

  /**
   * A gateway as above, one of as many as {@code sharing} says (the nodes of a cluster, each with
   * a bind of its own), which submit {@code throughputPerSecond} between them: its share.
   */
  public SmsGateway(Vertx vertx, SmppSettings settings, Listener listener, MoParts moParts,
      Clock clock, IntSupplier sharing) {
    this.vertx = vertx;
    this.settings = settings;
    this.listener = Objects.requireNonNull(listener, "listener must not be null");
    this.context = vertx.getOrCreateContext();
    // A submit holds its thread until submit_sm_resp comes (jSMPP has no asynchronous submit), so
    // the window needs one thread per outstanding request, plus one to bind while they wait.
    this.workers = vertx.createSharedWorkerExecutor("openmaap-smpp-" + INSTANCES.incrementAndGet(),
        settings.windowSize() + 1, Math.max(60_000, 3 * settings.requestTimeout().toMillis()),
        TimeUnit.MILLISECONDS);
    Backoff backoff = new Backoff(settings.backoffMin(), settings.backoffMax(),
        new SplittableRandom());
    this.receipts = new Receipts(vertx, this::receipt);
    this.inbound = new Inbound(this::message, Objects.requireNonNull(moParts,
        "moParts must not be null"), settings.redeliveryWindow(), clock);
    this.outbox = new Outbox(vertx, settings, workers, backoff, receipts::submitted, sharing);
    this.binder = new Binder(vertx, context, settings, workers, backoff, new Receiver(),
        outbox::bound, outbox::unbound);
  }

  /** Starts binding; completes at once, binding goes on in the background until it succeeds. */
  public Future<Void> start() {
    return onContext(() -> {
      binder.start();
      // One sweep for every part and key, not a timer each; a key's time counts without it.
      long every = Math.max(1_000, settings.redeliveryWindow().toMillis() / 2);
      sweeper = vertx.setPeriodic(every, id -> inbound.sweep().onFailure(e -> LOG.warning(() ->
          "users' SMS parts and seen keys not swept: " + e.getMessage())));
      return Future.succeededFuture();
    });
  }

  /** Unbinds and fails the SMS not yet accepted (parts already accepted stay sent). */
  public Future<Void> stop() {
    return onContext(() -> {
      vertx.cancelTimer(sweeper);
      outbox.stop();
      return binder.stop().otherwiseEmpty().compose(v -> workers.close());
    });
  }

  /** Sends {@code text} from the configured sender address; see the four-argument form. */
  public Future<SubmitResult> submit(String to, String text, String reference) {
    return submit(to, text, reference, SubmitJournal.NONE);
  }

  /**
   * Sends {@code text} from the configured sender address, noting each part in {@code journal}
   * before its submit_sm goes out and each answer as it comes; fails with {@link SmsWithdrawn}
   * when the journal declines the first part.
   */
  public Future<SubmitResult> submit(String to, String text, String reference,
      SubmitJournal journal) {
    return submit(new Address(settings.sourceAddress(), settings.sourceTon(),
        settings.sourceNpi()), to, text, reference, journal);
  }

  /**
   * Sends {@code text} from {@code from} to {@code to} (E.164 such as {@code +8613800000000}) as one
   * SMS or concatenated parts, completing once the SMSC accepted every part (through throttling and
   * lost binds) or failing with {@link SmsRejected} if it refuses one.
   */
  public Future<SubmitResult> submit(String from, String to, String text, String reference) {
    Address sender;
    try {
      sender = Address.of(from);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return submit(sender, to, text, reference, SubmitJournal.NONE);
  }

  private Future<SubmitResult> submit(Address from, String to, String text, String reference,
      SubmitJournal journal) {
    Objects.requireNonNull(text, "text must not be null");
    Objects.requireNonNull(reference, "reference must not be null");
    if (settings.bindType() == SmppSettings.BindType.RECEIVER) {
      return Future.failedFuture(new IllegalStateException("a receiver bind cannot submit SMS"));
    }
    Address recipient;
    try {
      recipient = Address.of(to);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Context caller = vertx.getOrCreateContext();
    Promise<SubmitResult> promise = Promise.promise();
    onContext(() -> outbox.add(from, recipient, text, reference, journal))
        .onComplete(result -> caller.runOnContext(v -> promise.handle(result)));
    return promise.future();
  }

  /**
   * The sender number SMS go out from, as users' answers to it arrive ({@code +} and digits when
   * international).
   */
  public String sourceAddress() {
    return new Address(settings.sourceAddress(), settings.sourceTon(), settings.sourceNpi())
        .display();
  }

  /** Whether the session to the SMSC is bound right now, for health checks. */
  public boolean isBound() {
    return binder.isBound();
  }

  private <T> Future<T> onContext(Supplier<Future<T>> action) {
    if (Vertx.currentContext() == context) {
      return action.get();
    }
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(promise));
    return promise.future();
  }

  private void receipt(Receipt receipt) {
    try {
      listener.onReceipt(receipt.id(), receipt.stat(), receipt.err());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the SMS listener failed on a receipt for " + receipt.id(), e);
    }
  }

  private void message(String from, String to, String text) {
    try {
      listener.onMessage(from, to, text);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the SMS listener failed on an SMS from " + from, e);
    }
  }

  /**
   * jSMPP's side: copies each deliver_sm and hands it to the context; answers a receipt once
   * handed, a user's SMS once it is noted durably.
   */
  private final class Receiver implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
      Delivered delivered = Delivered.of(deliverSm);
      if (delivered.isReceipt()) {
        Receipt receipt = Receipt.of(delivered);
        if (receipt == null) {
          LOG.warning(() -> "a receipt without a message id from " + delivered.from());
          return;
        }
        context.runOnContext(v -> receipts.received(receipt));
      } else {
        Promise<Void> noted = Promise.promise();
        context.runOnContext(v -> {
          try {
            inbound.accept(delivered).onComplete(noted);
          } catch (RuntimeException e) {
            noted.fail(e);
          }
        });
        awaitNoted(noted.future(), delivered);
      }
    }

    /**
     * Holds jSMPP's thread (never an event loop) until the SMS is noted: an answered deliver_sm is
     * never sent again, so an SMS not noted in time is refused for the SMSC to send again later.
     */
    private void awaitNoted(Future<Void> noted, Delivered sm) throws ProcessRequestException {
      try {
        noted.await(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) { // not noted in time, the store failed, or the thread is interrupted
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        String cause = e instanceof TimeoutException
            ? "not noted within " + settings.requestTimeout().toMillis() + " ms"
            : String.valueOf(e.getMessage());
        LOG.warning(() -> "an SMS from " + sm.from() + " was refused for the SMSC to send again: "
            + cause);
        throw new ProcessRequestException(cause, SMPPConstant.STAT_ESME_RX_T_APPN);
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw new ProcessRequestException("data_sm is not supported",
          SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }
}
