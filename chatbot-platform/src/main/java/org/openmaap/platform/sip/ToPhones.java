package org.openmaap.platform.sip;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.WorkerExecutor;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * MESSAGE requests on a chatbot's behalf (and the platform's OPTIONS) to a phone's registered
 * contact (through the outbound proxy when there is one), each answered by a future: it succeeds
 * on a 2xx and fails on any other final answer, a transport error or the transaction's timeout.
 */
final class ToPhones {

  /** A MESSAGE's SIP headers beyond the usual ones, by name (null values are left out). */
  record Extra(String conversationId, String contributionId, String inReplyTo) {
    static final Extra NONE = new Extra(null, null, null);
  }

  private final Wire wire;
  private final Context context;
  private final WorkerExecutor worker;
  private final Map<ClientTransaction, Promise<Response>> pending = new ConcurrentHashMap<>();

  ToPhones(Wire wire, Context context, WorkerExecutor worker) {
    this.wire = wire;
    this.context = context;
    this.worker = worker;
  }

  /** Sends {@code cpim} from chatbot {@code botId} to the phone registered at {@code phone}. */
  Future<Void> send(String botId, Registrar.Binding phone, Cpim cpim, Extra extra) {
    Request request;
    try {
      request = request(botId, phone, cpim, extra);
    } catch (ParseException | InvalidArgumentException e) {
      return Future.failedFuture(new IllegalStateException("cannot address " + phone.contact()
          + ": " + e.getMessage(), e));
    }
    return sent(request).mapEmpty();
  }

  /**
   * Asks the phone registered at {@code phone} for its capabilities with an OPTIONS in the
   * platform's name (its Contact with the chatbot feature tags); the future holds the 2xx answer.
   */
  Future<Response> options(Registrar.Binding phone) {
    Request request;
    try {
      request = request(null, phone, Request.OPTIONS);
      request.addHeader(wire.platformContact(phone.transport()));
    } catch (ParseException | InvalidArgumentException e) {
      return Future.failedFuture(new IllegalStateException("cannot address " + phone.contact()
          + ": " + e.getMessage(), e));
    }
    return sent(request);
  }

  private Future<Response> sent(Request request) {
    Promise<Response> answered = Promise.promise();
    return worker.<Void>executeBlocking(() -> {
      ClientTransaction transaction = wire.provider().getNewClientTransaction(request);
      pending.put(transaction, answered);
      try {
        transaction.sendRequest();
      } catch (SipException e) {
        pending.remove(transaction);
        throw e;
      }
      return null;
    }, false).compose(sent -> answered.future());
  }

  /** A phone's answer to one of the requests (on a stack thread). */
  void answered(ResponseEvent event) {
    Response response = event.getResponse();
    if (event.getClientTransaction() == null || response.getStatusCode() < 200) {
      return;
    }
    Promise<Response> waiting = pending.remove(event.getClientTransaction());
    if (waiting == null) {
      return;
    }
    if (response.getStatusCode() < 300) {
      context.runOnContext(v -> waiting.tryComplete(response));
    } else {
      fail(waiting, "the phone answered " + response.getStatusCode() + " "
          + response.getReasonPhrase());
    }
  }

  /** A request got no final answer in time (on a stack thread). */
  void timedOut(TimeoutEvent event) {
    if (event.getClientTransaction() != null) {
      Promise<Response> waiting = pending.remove(event.getClientTransaction());
      if (waiting != null) {
        fail(waiting, "the phone did not answer");
      }
    }
  }

  /** Fails every request still waiting for an answer: the interface stops. */
  void abandon() {
    List.copyOf(pending.keySet()).forEach(transaction -> {
      Promise<Response> waiting = pending.remove(transaction);
      if (waiting != null) {
        fail(waiting, "the SIP interface stopped");
      }
    });
  }

  /** Fails a waiting request on the interface's context, where the core continues. */
  private void fail(Promise<Response> waiting, String why) {
    context.runOnContext(v -> waiting.tryFail(new PhoneUnavailable(why)));
  }

  private Request request(String botId, Registrar.Binding phone, Cpim cpim, Extra extra)
      throws ParseException, InvalidArgumentException {
    Request request = request(botId, phone, Request.MESSAGE);
    request.setContent(cpim.write(), wire.headers().createContentTypeHeader("message", "cpim"));
    request.addHeader(wire.botContact(botId, phone.transport()));
    request.addHeader(wire.header("P-Asserted-Service", FeatureTags.CPM_MESSAGING));
    if (extra.conversationId() != null) {
      request.addHeader(wire.header("Conversation-ID", extra.conversationId()));
    }
    if (extra.contributionId() != null) {
      request.addHeader(wire.header("Contribution-ID", extra.contributionId()));
    }
    if (extra.inReplyTo() != null) {
      request.addHeader(wire.header("InReplyTo-Contribution-ID", extra.inReplyTo()));
    }
    return request;
  }

  /**
   * A bodiless {@code method} request to the phone's contact, from chatbot {@code botId} or, when
   * null, from the platform itself.
   */
  private Request request(String botId, Registrar.Binding phone, String method)
      throws ParseException, InvalidArgumentException {
    Address from = wire.addresses().createAddress(botId == null ? wire.platformUri()
        : wire.botUri(botId));
    Address user = wire.addresses().createAddress(phone.aor());
    ViaHeader via = wire.headers().createViaHeader(wire.host(), wire.port(), phone.transport(),
        Wire.branch());
    return wire.messages().createRequest(wire.addresses().createURI(phone.contact()), method,
        wire.provider().getNewCallId(), wire.headers().createCSeqHeader(1L, method),
        wire.headers().createFromHeader(from, Wire.branch().substring(7, 23)),
        wire.headers().createToHeader(user, null), List.of(via),
        wire.headers().createMaxForwardsHeader(70));
  }

  /** The phone did not take a request: the delivery core counts it offline on SIP. */
  static final class PhoneUnavailable extends RuntimeException {
    PhoneUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
