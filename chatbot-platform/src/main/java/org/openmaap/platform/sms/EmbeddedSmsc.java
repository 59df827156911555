package org.openmaap.platform.sms;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SessionStateListener;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC inside the JVM for tests and the demo, on 127.0.0.1, that keeps an inbox per number,
 * sends delivery receipts and injects users' SMS. Tests can also tell it to throttle, drop the bind
 * or report non-delivery, through package-private hooks that are no part of the shipped API.
 */
public final class EmbeddedSmsc {
  // jSMPP's server side. A part counts as accepted once its submit_sm_resp is on the wire, so that
  // an ESME that lost the answer and sends the part again never finds it twice in the inbox.
  private static final Logger LOG = Logger.getLogger(EmbeddedSmsc.class.getName());
  private static final String SMSC_SYSTEM_ID = "openmaap-smsc";
  private static final long FIRST_ID = 0x1A2B3C00L; // hex ids with letters, decimal ones of 9 digits

  /** How message ids are written: {@code 1A2B3C4D} or {@code 439041101}. */
  public enum IdFormat { HEX, DECIMAL }

  /**
   * The SMSC's port (0 for a free one), the credentials it accepts, how it writes message ids in
   * submit_sm_resp and in receipt texts, and whether receipts carry receipted_message_id.
   */
  public record Settings(int port, String systemId, String password, IdFormat submitIds,
      IdFormat receiptIds, boolean receiptTlv) {

    public static final int DEFAULT_PORT = 0;
    public static final IdFormat DEFAULT_ID_FORMAT = IdFormat.HEX;

    public Settings {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      Objects.requireNonNull(systemId, "system id must not be null");
      Objects.requireNonNull(password, "password must not be null");
      Objects.requireNonNull(submitIds, "submit id format must not be null");
      Objects.requireNonNull(receiptIds, "receipt id format must not be null");
    }

    /** A free port, SmppSettings' default credentials, hex ids, receipts with the TLV. */
    public static Settings defaults() {
      return new Settings(DEFAULT_PORT, SmppSettings.DEFAULT_SYSTEM_ID,
          SmppSettings.DEFAULT_PASSWORD, DEFAULT_ID_FORMAT, DEFAULT_ID_FORMAT, true);
    }

    /** These settings on another port. */
    public Settings withPort(int port) {
      return new Settings(port, systemId, password, submitIds, receiptIds, receiptTlv);
    }

    /** These settings writing ids as given, with or without receipted_message_id. */
    public Settings withIds(IdFormat submitIds, IdFormat receiptIds, boolean receiptTlv) {
      return new Settings(port, systemId, password, submitIds, receiptIds, receiptTlv);
    }
  }

  /** A text the SMSC accepted for a number, its parts joined. */
  public record InboxMessage(String id, String from, String text, String encoding, int segments,
      Instant receivedAt) {}

  /** The texts for a number after a cursor, and the cursor to ask with next. */
  public record InboxPage(List<InboxMessage> messages, String cursor) {}

  private record Outcome(String stat, String err) {}

  private final Vertx vertx;
  private final Settings settings;
  private final Clock clock;
  private final SmscInbox inbox = new SmscInbox();
  private final SmscDeliveries deliveries = new SmscDeliveries();
  private final LoopbackConnections connections = new LoopbackConnections();
  private final Map<String, SubmittedPart> awaitingResponse = new ConcurrentHashMap<>();
  private final Map<SMPPServerSession, Boolean> sessions = new ConcurrentHashMap<>();
  private final AtomicLong serials = new AtomicLong(FIRST_ID);
  private final AtomicInteger throttle = new AtomicInteger();
  private final List<SubmittedPart> everySubmit = new ArrayList<>();
  private volatile long answerDelayMillis;
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger binds = new AtomicInteger();
  private final AtomicInteger dropAfter = new AtomicInteger();
  private final AtomicInteger handsetReference = new AtomicInteger();
  private final Deque<Outcome> outcomes = new ArrayDeque<>();
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "openmaap-smsc");
    thread.setDaemon(true);
    return thread;
  });
  private volatile SMPPServerSessionListener listener;
  private volatile boolean running;

  /** An SMSC with {@code settings}, not listening until start(). */
  public EmbeddedSmsc(Vertx vertx, Settings settings) {
    this(vertx, settings, Clock.systemUTC());
  }

  EmbeddedSmsc(Vertx vertx, Settings settings, Clock clock) {
    this.vertx = vertx;
    this.settings = settings;
    this.clock = clock;
  }

  /** Listens on 127.0.0.1 and starts accepting binds. */
  public Future<Void> start() {
    return vertx.executeBlocking(() -> {
      SMPPServerSessionListener opened =
          new SMPPServerSessionListener(settings.port(), 0, 50, connections);
      Handler handler = new Handler();
      opened.setMessageReceiverListener(handler);
      opened.setResponseDeliveryListener(handler);
      opened.setSessionStateListener(handler);
      listener = opened;
      running = true;
      threads.execute(this::acceptBinds);
      deliveries.start(threads);
      return null;
    });
  }

  /** Closes the listening socket and every session. */
  public Future<Void> stop() {
    return vertx.executeBlocking(() -> {
      running = false;
      deliveries.stop();
      SMPPServerSessionListener closing = listener;
      if (closing != null) {
        closing.close();
      }
      sessions.keySet().forEach(SMPPServerSession::close);
      threads.shutdownNow();
      threads.awaitTermination(5, TimeUnit.SECONDS);
      return null;
    });
  }

  /** The port the SMSC listens on. */
  public int port() {
    return connections.localPort();
  }

  /** Whether an ESME is bound to receive (receipts and users' SMS can go out). */
  public boolean hasBind() {
    return deliveries.hasReceiver();
  }

  /** Every text for {@code msisdn} so far. */
  public List<InboxMessage> inbox(String msisdn) {
    return inbox.page(msisdn, 0).messages();
  }

  /** The texts for {@code msisdn} after {@code cursor} (null for all), and the next cursor. */
  public InboxPage inbox(String msisdn, String cursor) {
    long since = 0;
    if (cursor != null && !cursor.isBlank()) {
      try {
        since = Long.parseLong(cursor.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("cursor must be one this inbox returned, got '"
            + cursor + "'");
      }
    }
    return inbox.page(msisdn, since);
  }

  /**
   * Sends {@code text} from the phone {@code from} to the number {@code to} as a handset would,
   * completing when the ESME accepted every deliver_sm (throws IllegalArgumentException at once for
   * what no handset could send).
   */
  public Future<Void> deliver(String from, String to, String text) {
    UserData.Encoded encoded = UserData.encode(Objects.requireNonNull(text, "text"),
        handsetReference.incrementAndGet() & 0xFF);
    return deliver(from, to, encoded, encoded.parts());
  }

  /**
   * Sends only parts {@code sequences} (from 1) of {@code text}, split under concatenation
   * reference {@code reference}, as a handset whose other parts are late; completes when the ESME
   * accepted them.
   */
  Future<Void> deliverParts(String from, String to, String text, int reference,
      int... sequences) {
    UserData.Encoded encoded = UserData.encode(Objects.requireNonNull(text, "text"), reference);
    return deliver(from, to, encoded, Arrays.stream(sequences)
        .mapToObj(sequence -> encoded.parts().get(sequence - 1)).toList());
  }

  private Future<Void> deliver(String from, String to, UserData.Encoded encoded,
      List<byte[]> parts) {
    Address sender = Address.of(from);
    Address recipient = Address.of(to);
    Promise<Void> accepted = Promise.promise();
    AtomicInteger remaining = new AtomicInteger(parts.size());
    for (byte[] part : parts) {
      deliveries.add(new SmscDeliveries.Job(sender, recipient, encoded.esmClass(),
          encoded.dataCoding(), part, new OptionalParameter[0], () -> {
            if (remaining.decrementAndGet() == 0) {
              accepted.complete();
            }
          }));
    }
    return accepted.future();
  }

  /** Holds each submit_sm's answer back by {@code delay}, as a slow SMSC. */
  void delayAnswers(Duration delay) {
    answerDelayMillis = delay.toMillis();
  }

  /**
   * Every submit_sm that arrived, in order, answered or not: an ESME that submits a part twice
   * shows here twice, where the inbox keeps it once.
   */
  List<SubmittedPart> everySubmit() {
    synchronized (everySubmit) {
      return List.copyOf(everySubmit);
    }
  }

  /** Answers the next {@code submits} submit_sm with ESME_RTHROTTLED. */
  void throttleNext(int submits) {
    throttle.set(submits);
  }

  /** Drops every bind now, as an SMSC that went away. */
  void dropBinds() {
    for (SMPPServerSession session : sessions.keySet()) {
      drop(session);
    }
  }

  /** Drops the bind that brings the {@code submits}-th submit_sm from now, before answering it. */
  void dropBindAfter(int submits) {
    dropAfter.set(submits);
  }

  /** Gives the next {@code receipts} receipts the state {@code stat} and error {@code err}. */
  void failNextReceipts(int receipts, String stat, String err) {
    DeliveryReceiptState.valueOf(stat); // names a receipt state, or fails here
    synchronized (outcomes) {
      for (int i = 0; i < receipts; i++) {
        outcomes.add(new Outcome(stat, err));
      }
    }
  }

  /** Sends each of the next {@code pdus} deliver_sm twice, as an SMSC that missed the answer. */
  void redeliverNext(int pdus) {
    deliveries.redeliverNext(pdus);
  }

  /** Every part accepted so far, in order, as it came. */
  List<SubmittedPart> parts() {
    return inbox.parts();
  }

  /** How many submit_sm were answered ESME_RTHROTTLED. */
  int throttled() {
    return throttled.get();
  }

  /** How many binds were accepted. */
  int binds() {
    return binds.get();
  }

  private void acceptBinds() {
    while (running) {
      SMPPServerSession session;
      try {
        session = listener.accept();
      } catch (IOException e) {
        if (running) {
          LOG.warning(() -> "the embedded SMSC stopped accepting: " + e.getMessage());
        }
        return;
      }
      threads.execute(() -> bind(session));
    }
  }

  private void bind(SMPPServerSession session) {
    try {
      BindRequest request = session.waitForBind(5_000);
      if (!settings.systemId().equals(request.getSystemId())) {
        request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
      } else if (!settings.password().equals(request.getPassword())) {
        request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
      } else {
        request.accept(SMSC_SYSTEM_ID);
        binds.incrementAndGet();
        // Only now that bind_resp is out: a deliver_sm ahead of it would reach an ESME that is
        // not bound yet, whose refusal jSMPP's server side cannot even read.
        sessions.put(session, Boolean.TRUE);
        deliveries.bound(session);
        if (!session.getSessionState().isBound()) {
          sessions.remove(session);
          deliveries.unbound(session);
        }
      }
    } catch (Exception e) {
      LOG.fine(() -> "no bind on a connection to the embedded SMSC: " + e);
      session.close();
    }
  }

  private void drop(SMPPServerSession session) {
    deliveries.unbound(session);
    connections.cutOutput(session.getPort());
  }

  private String format(IdFormat format, long serial) {
    return format == IdFormat.HEX ? Long.toHexString(serial).toUpperCase(Locale.ROOT)
        : Long.toString(serial);
  }

  private void receipt(SubmittedPart part) {
    if ((part.registeredDelivery() & 0x03) == 0) {
      return;
    }
    Outcome outcome;
    synchronized (outcomes) {
      outcome = outcomes.isEmpty() ? new Outcome("DELIVRD", "000") : outcomes.poll();
    }
    DeliveryReceiptState state = DeliveryReceiptState.valueOf(outcome.stat());
    Quote text = Quote.of(part);
    Date now = Date.from(clock.instant());
    String body = new DeliveryReceipt(format(settings.receiptIds(), part.serial()), 1,
        state == DeliveryReceiptState.DELIVRD ? 1 : 0, Date.from(part.receivedAt()),
        now, state, outcome.err(), text.first20()).toString();
    OptionalParameter[] parameters = settings.receiptTlv()
        ? new OptionalParameter[] {new OptionalParameter.Receipted_message_id(part.messageId()),
            new OptionalParameter.Message_state((byte) state.value())}
        : new OptionalParameter[0];
    // A receipt goes back from the handset to the sender.
    deliveries.add(new SmscDeliveries.Job(Address.of(part.to()), Address.of(part.from()),
        UserData.RECEIPT, UserData.GSM_7, body.getBytes(StandardCharsets.US_ASCII), parameters,
        () -> { }));
  }

  /** The start of a part's text as receipts quote it, ASCII only. */
  private record Quote(String text) {
    static Quote of(SubmittedPart part) {
      UserData.Parsed parsed = UserData.parse(part.esmClass(), part.shortMessage());
      return new Quote(UserData.decode(part.dataCoding(), parsed.payload()));
    }

    String first20() {
      StringBuilder quoted = new StringBuilder();
      text.codePoints().limit(20).forEach(c -> quoted.append(c >= 0x20 && c < 0x7F ? (char) c
          : '?'));
      return quoted.toString();
    }
  }

  /** jSMPP's server callbacks: binds going, submits and their answers. */
  private final class Handler extends ServerResponseDeliveryAdapter
      implements ServerMessageReceiverListener, SessionStateListener {

    @Override
    public void onStateChange(SessionState newState, SessionState oldState, Session source) {
      SMPPServerSession session = (SMPPServerSession) source;
      if (newState == SessionState.CLOSED || newState == SessionState.UNBOUND) {
        sessions.remove(session);
        deliveries.unbound(session);
        if (newState == SessionState.CLOSED) {
          connections.forget(session.getPort());
        }
      }
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession session)
        throws ProcessRequestException {
      if (throttle.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throttled.incrementAndGet();
        throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
      }
      long serial = serials.getAndIncrement();
      String id = format(settings.submitIds(), serial);
      SubmittedPart part = new SubmittedPart(id, serial,
          Address.display(submitSm.getSourceAddrTon(), submitSm.getSourceAddr()),
          Address.display(submitSm.getDestAddrTon(), submitSm.getDestAddress()),
          submitSm.getEsmClass(), submitSm.getDataCoding(), submitSm.getRegisteredDelivery(),
          submitSm.getShortMessage() == null ? new byte[0] : submitSm.getShortMessage(),
          clock.instant());
      synchronized (everySubmit) {
        everySubmit.add(part);
      }
      if (answerDelayMillis > 0) {
        try {
          Thread.sleep(answerDelayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      // The part counts as accepted only once its answer is on the wire (onSubmitSmRespSent):
      // an ESME that never saw the answer will send it again, and must not find it twice here.
      awaitingResponse.put(id, part);
      if (dropAfter.get() > 0 && dropAfter.decrementAndGet() == 0) {
        drop(session);
      }
      try {
        return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
      } catch (PDUStringException e) {
        throw new ProcessRequestException("bad message id " + id, SMPPConstant.STAT_ESME_RSYSERR);
      }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
      SubmittedPart part = awaitingResponse.remove(result.getMessageId());
      if (part != null) {
        inbox.add(part);
        receipt(part);
      }
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception e,
        SMPPServerSession session) {
      awaitingResponse.remove(result.getMessageId());
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti,
        SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("submit_multi");
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("query_sm");
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("replace_sm");
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported("cancel_sm");
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm,
        SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("broadcast_sm");
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm,
        SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("cancel_broadcast_sm");
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
        SMPPServerSession source) throws ProcessRequestException {
      throw unsupported("query_broadcast_sm");
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw unsupported("data_sm");
    }

    private ProcessRequestException unsupported(String command) {
      return new ProcessRequestException(command + " is not supported by the embedded SMSC",
          SMPPConstant.STAT_ESME_RINVCMDID);
    }
  }
}
