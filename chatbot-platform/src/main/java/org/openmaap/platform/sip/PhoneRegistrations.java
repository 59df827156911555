package org.openmaap.platform.sip;

import io.vertx.core.Context;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A phone's REGISTER read on the stack's thread and applied to the {@link Registrar} on the
 * interface's context, then answered 200 with the binding's expiry.
 */
final class PhoneRegistrations {

  private static final Duration DEFAULT_EXPIRES = Duration.ofHours(1);

  private final Wire wire;
  private final Context context;
  private final WorkerExecutor worker;
  private final Registrar registrar;

  PhoneRegistrations(Wire wire, Context context, WorkerExecutor worker, Registrar registrar) {
    this.wire = wire;
    this.context = context;
    this.worker = worker;
    this.registrar = registrar;
  }

  /** A phone registers its contact (or, with Expires 0, unregisters); 200 once bound. */
  void take(Request request, ServerTransaction transaction) {
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    String aor = to == null ? null : to.getAddress().getURI().toString();
    String msisdn = FromPhones.number(aor, "To");
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

  private void answerLater(ServerTransaction transaction, Response response) {
    worker.executeBlocking(() -> {
      wire.answer(transaction, response);
      return null;
    }, false);
  }
}
