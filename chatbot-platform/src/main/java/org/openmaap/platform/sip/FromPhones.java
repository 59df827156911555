package org.openmaap.platform.sip;

import io.vertx.core.Context;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.registry.ChatbotRegistry;

/**
 * Everything the stack hands the interface, on the stack's threads: REGISTER, OPTIONS and MESSAGE
 * from phones, and the answers to the platform's own requests. Whatever a request holds, it is
 * answered (4xx for what is wrong with it) and never stops the interface.
 */
final class FromPhones implements SipListener {

  private static final Logger LOG = Logger.getLogger(FromPhones.class.getName());
  private static final Duration DEFAULT_EXPIRES = Duration.ofHours(1);

  private final Wire wire;
  private final Context context;
  private final WorkerExecutor worker;
  private final ChatbotRegistry registry;
  private final Registrar registrar;
  private final PhoneMessages messages;
  private final ToPhones requests;

  FromPhones(Wire wire, Context context, WorkerExecutor worker, ChatbotRegistry registry,
      Registrar registrar, PhoneMessages messages, ToPhones requests) {
    this.wire = wire;
    this.context = context;
    this.worker = worker;
    this.registry = registry;
    this.registrar = registrar;
    this.messages = messages;
    this.requests = requests;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    if (Request.ACK.equals(request.getMethod())) {
      return;
    }
    ServerTransaction transaction = transaction(event);
    if (transaction == null) {
      return;
    }
    try {
      switch (request.getMethod()) {
        case Request.REGISTER -> register(request, transaction);
        case Request.OPTIONS -> options(request, transaction);
        case Request.MESSAGE -> messages.take(phone(request), botId(request), request,
            transaction);
        default -> {
          Response refused = wire.response(request, Response.METHOD_NOT_ALLOWED,
              "Method Not Allowed: phones send a chatbot MESSAGE, OPTIONS or REGISTER");
          wire.allow(refused);
          wire.answer(transaction, refused);
        }
      }
    } catch (Refused refused) {
      LOG.info(() -> request.getMethod() + " refused " + refused.status() + ": "
          + refused.getMessage());
      wire.answer(transaction, wire.response(request, refused.status(), refused.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, request.getMethod() + " failed", e);
      wire.answer(transaction, wire.response(request, Response.SERVER_INTERNAL_ERROR,
          "Server Internal Error: the request could not be handled"));
    }
  }

  /** The request's server transaction, or null for a retransmission the stack answers itself. */
  private ServerTransaction transaction(RequestEvent event) {
    if (event.getServerTransaction() != null) {
      return event.getServerTransaction();
    }
    try {
      return wire.provider().getNewServerTransaction(event.getRequest());
    } catch (TransactionAlreadyExistsException | TransactionUnavailableException e) {
      LOG.fine(() -> "no transaction for a " + event.getRequest().getMethod() + ": "
          + e.getMessage());
      return null;
    }
  }

  /** A phone registers its contact (or, with Expires 0, unregisters); 200 once bound. */
  private void register(Request request, ServerTransaction transaction) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    String aor = to == null ? null : to.getAddress().getURI().toString();
    String msisdn = number(aor, "To");
    ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
    if (contact == null) {
      wire.answer(transaction, wire.response(request, Response.OK, null));
      return;
    }
    Duration expires = expires(request, contact);
    if (contact.isWildCard() || expires.isZero()) {
      context.runOnContext(v -> {
        registrar.unregister(msisdn);
        answerLater(transaction, wire.response(request, Response.OK, null));
      });
      return;
    }
    if (!(contact.getAddress().getURI() instanceof SipURI uri)) {
      throw new Refused(400, "Bad Request: the Contact must be a sip: URI");
    }
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    String transport = uri.getTransportParam() != null ? uri.getTransportParam()
        : via.getTransport();
    Registrar.Binding binding = new Registrar.Binding(aor, uri.toString(),
        transport.toLowerCase(Locale.ROOT));
    Response ok = wire.response(request, Response.OK, null);
    try {
      contact.setExpires((int) expires.toSeconds());
      ok.addHeader(contact);
      ok.addHeader(wire.headers().createExpiresHeader((int) expires.toSeconds()));
    } catch (InvalidArgumentException e) {
      throw new IllegalStateException("an expiry the registrar chose was refused", e);
    }
    Optional<List<String>> features = PhoneFeatures.of(contact);
    context.runOnContext(v -> registrar.register(msisdn, binding, expires, features)
        .onComplete(done -> answerLater(transaction, ok)));
  }

  private static Duration expires(Request request, ContactHeader contact) {
    ExpiresHeader header = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
    long seconds = contact.getExpires() >= 0 ? contact.getExpires()
        : header != null ? header.getExpires() : DEFAULT_EXPIRES.toSeconds();
    return Duration.ofSeconds(Math.min(seconds, Registrar.MAX_EXPIRES.toSeconds()));
  }

  /** A capability query to a chatbot: 200 with the chatbot feature tags, 404 for no chatbot. */
  private void options(Request request, ServerTransaction transaction) {
    String botId = botId(request);
    if (registry.find(botId).isEmpty()) {
      throw new Refused(404, "Not Found: no chatbot '" + botId + "'");
    }
    Response ok = wire.response(request, Response.OK, null);
    ok.addHeader(wire.botContact(botId, transport(request)));
    wire.allow(ok);
    wire.accept(ok);
    wire.answer(transaction, ok);
  }

  private static String transport(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
  }

  /** The chatbot a request is for: the user part of {@code sip:{botId}@{domain}}. */
  private static String botId(Request request) {
    URI uri = request.getRequestURI();
    if (uri instanceof SipURI sip && sip.getUser() != null && !sip.getUser().isBlank()) {
      return sip.getUser();
    }
    throw new Refused(404, "Not Found: the request URI " + uri + " names no chatbot");
  }

  /** The phone's number, from the From header. */
  private static String phone(Request request) {
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    return number(from == null ? null : from.getAddress().getURI().toString(), "From");
  }

  private static String number(String uri, String header) {
    try {
      return Msisdn.normalize(uri);
    } catch (Invalid e) {
      throw new Refused(400, "Bad Request: the " + header + " header is not a phone number ("
          + e.getMessage() + ")");
    }
  }

  private void answerLater(ServerTransaction transaction, Response response) {
    worker.executeBlocking(() -> {
      wire.answer(transaction, response);
      return null;
    }, false);
  }

  @Override
  public void processResponse(ResponseEvent event) {
    requests.answered(event);
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    requests.timedOut(event);
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    LOG.fine(() -> "SIP transport error with " + event.getHost() + ":" + event.getPort() + "/"
        + event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {}

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {}
}
