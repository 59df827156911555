package org.openmaap.platform.sip;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import javax.sip.ServerTransaction;
import javax.sip.header.ContentEncodingHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ExtensionHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openmaap.platform.delivery.Inbound;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.failure.Refusal;
import org.openmaap.platform.failure.TooLarge;
import org.openmaap.platform.failure.UnsupportedType;

/**
 * A phone's MESSAGE to a chatbot: its body read (inflated, bounded, CPIM unwrapped) on the stack's
 * thread, then handed to the delivery core on the interface's context as a WebSocket device's
 * frame would be, and answered 202 once stored (200 for reports and typing) or with a 4xx.
 */
final class PhoneMessages {

  private static final Logger LOG = Logger.getLogger(PhoneMessages.class.getName());

  private final Wire wire;
  private final Context context;
  private final WorkerExecutor worker;
  private final Inbound inbound;
  private final Outbound outbound;
  private final PhoneIds ids;
  private final int maxBodyBytes;

  PhoneMessages(Wire wire, Context context, WorkerExecutor worker, Inbound inbound,
      Outbound outbound, PhoneIds ids, int maxBodyBytes) {
    this.wire = wire;
    this.context = context;
    this.worker = worker;
    this.inbound = inbound;
    this.outbound = outbound;
    this.ids = ids;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Takes the MESSAGE from {@code msisdn} to chatbot {@code botId} (on a stack thread). */
  void take(String msisdn, String botId, Request request, ServerTransaction transaction) {
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    if (type == null) {
      throw new Refused(415, "Unsupported Media Type: the MESSAGE has no Content-Type");
    }
    PhoneContent content = PhoneContent.read(
        MediaType.parse(type.getContentType() + "/" + type.getContentSubType()
            + parameters(type)), body(request));
    String contributionId = headerValue(request, "Contribution-ID");
    context.runOnContext(v -> safely(() -> core(msisdn, botId, content, contributionId))
        .onComplete(done -> {
          Response response = done.succeeded()
              ? wire.response(request, done.result(), null)
              : refusal(request, done.cause(), msisdn);
          worker.executeBlocking(() -> {
            wire.answer(transaction, response);
            return null;
          }, false);
        }));
  }

  /** The future {@code call} answers, or its failure when it throws instead. */
  private static <T> Future<T> safely(Supplier<Future<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** The value of the request's header {@code name}, or null. */
  private static String headerValue(Request request, String name) {
    return request.getHeader(name) instanceof ExtensionHeader header ? header.getValue() : null;
  }

  /**
   * What the core does with the content (a user's message keeps the phone's Contribution-ID);
   * answers the SIP status of success.
   */
  private Future<Integer> core(String msisdn, String botId, PhoneContent content,
      String contributionId) {
    if (content instanceof PhoneContent.UserMessage message) {
      return inbound.fromUser(msisdn, botId, message.rcsMessage(), Status.CHANNEL_RCS,
              contributionId)
          .map(msgId -> {
            ids.remember(msgId, message.messageId());
            return Response.ACCEPTED;
          });
    }
    if (content instanceof PhoneContent.Report report) {
      String msgId = report.imdn().messageId();
      return (report.imdn().status() == Imdn.Status.DELIVERED
          ? outbound.delivered(msisdn, msgId) : outbound.displayed(msisdn, msgId))
          .map(Response.OK);
    }
    PhoneContent.Typing typing = (PhoneContent.Typing) content;
    return inbound.typing(msisdn, botId, typing.composing().state()).map(Response.OK);
  }

  private Response refusal(Request request, Throwable failure, String msisdn) {
    if (!(failure instanceof Refusal refusal)) {
      LOG.warning(() -> "a MESSAGE from " + msisdn + " failed: " + failure);
      return wire.response(request, Response.SERVER_INTERNAL_ERROR,
          "Server Internal Error: the message was not stored; try again");
    }
    LOG.info(() -> "a MESSAGE from " + msisdn + " refused: " + refusal.getMessage());
    if (refusal instanceof NotFound) {
      return wire.response(request, Response.NOT_FOUND, "Not Found: " + refusal.getMessage());
    }
    if (refusal instanceof Invalid) {
      return wire.response(request, Response.BAD_REQUEST,
          "Bad Request: " + refusal.getMessage());
    }
    if (refusal instanceof TooLarge) {
      return wire.response(request, Response.MESSAGE_TOO_LARGE,
          "Message Too Large: " + refusal.getMessage());
    }
    if (refusal instanceof UnsupportedType) {
      return wire.response(request, Response.UNSUPPORTED_MEDIA_TYPE,
          "Unsupported Media Type: " + refusal.getMessage());
    }
    // A conflict: a report on a message that went as SMS or was revoked meanwhile.
    return wire.response(request, Response.FORBIDDEN, "Forbidden: " + refusal.getMessage());
  }

  /** The body as sent, inflated when deflated; 513 past the limit, 400 when there is none. */
  private byte[] body(Request request) {
    ContentLengthHeader length = request.getContentLength();
    if (length != null && length.getContentLength() > maxBodyBytes) {
      throw tooLarge(length.getContentLength());
    }
    byte[] raw = request.getRawContent();
    if (raw == null || raw.length == 0) {
      throw new Refused(400, "Bad Request: the MESSAGE has no body");
    }
    if (raw.length > maxBodyBytes) {
      throw tooLarge(raw.length);
    }
    ContentEncodingHeader encoding = request.getContentEncoding();
    if (encoding == null || encoding.getEncoding().equalsIgnoreCase("identity")) {
      return raw;
    }
    if (!encoding.getEncoding().trim().toLowerCase(Locale.ROOT).equals("deflate")) {
      throw new Refused(415, "Unsupported Media Type: Content-Encoding '"
          + encoding.getEncoding() + "'; deflate and identity are taken");
    }
    return inflate(raw);
  }

  /** A deflated body (zlib, or raw deflate as some clients send it), never past the limit. */
  private byte[] inflate(byte[] raw) {
    try {
      return inflate(raw, false);
    } catch (DataFormatException e) {
      try {
        return inflate(raw, true);
      } catch (DataFormatException again) {
        throw new Refused(400, "Bad Request: the deflated body cannot be inflated");
      }
    }
  }

  private byte[] inflate(byte[] raw, boolean nowrap) throws DataFormatException {
    Inflater inflater = new Inflater(nowrap);
    try {
      inflater.setInput(raw);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      while (!inflater.finished()) {
        int n = inflater.inflate(chunk);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataFormatException("the deflated body ends early");
        }
        out.write(chunk, 0, n);
        if (out.size() > maxBodyBytes) {
          throw tooLarge(out.size());
        }
      }
      return out.toByteArray();
    } finally {
      inflater.end();
    }
  }

  private Refused tooLarge(long bytes) {
    return new Refused(Response.MESSAGE_TOO_LARGE, "Message Too Large: the body has " + bytes
        + " bytes or more; the limit is " + maxBodyBytes);
  }

  private static String parameters(ContentTypeHeader type) {
    StringBuilder params = new StringBuilder();
    for (var names = type.getParameterNames(); names.hasNext(); ) {
      String name = (String) names.next();
      params.append(';').append(name).append('=').append(type.getParameter(name));
    }
    return params.toString();
  }
}
