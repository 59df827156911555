package org.openmaap.platform.sip;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
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
import javax.sip.header.FromHeader;
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

  private final Wire wire;
  private final ChatbotRegistry registry;
  private final PhoneRegistrations registrations;
  private final PhoneMessages messages;
  private final ToPhones requests;

  FromPhones(Wire wire, ChatbotRegistry registry, PhoneRegistrations registrations,
      PhoneMessages messages, ToPhones requests) {
    this.wire = wire;
    this.registry = registry;
    this.registrations = registrations;
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
        case Request.REGISTER -> registrations.take(request, transaction);
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

  /** The E.164 number of a phone's URI in {@code header}; 400 when it names none. */
  static String number(String uri, String header) {
    try {
      return Msisdn.normalize(uri);
    } catch (Invalid e) {
      throw new Refused(400, "Bad Request: the " + header + " header is not a phone number ("
          + e.getMessage() + ")");
    }
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
