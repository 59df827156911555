package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openmaap.card.dialect.CmccMessages;
import org.openmaap.card.dialect.OmaJson;
import org.openmaap.card.dialect.OmaXml;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.Xml;
import org.openmaap.card.network.XmlWriter;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.dialect.GroupSends;
import org.openmaap.platform.dialect.Numbers;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.ids.TimeOrderedIds;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.store.MessageRow;
import org.w3c.dom.Element;

/**
 * The CMCC routes under {@code /messaging[/group]/v1/outbound/{chatbotURI}/requests}: a send
 * ({@code outboundMessageRequest}) to 1..n recipients, each its own message in the core under the
 * request's messageId, and the revoke of one recipient's message; in XML or in the JSON binding,
 * both read as one element tree.
 */
public final class CmccApi {

  static final int MAX_RECIPIENTS = 500;
  /** What the core's messages of a send to several recipients are named by: messageId/+86…. */
  static final String IM_PATH = CmccMessages.IM_PATH;
  /** The reportRequest values (lower-cased), and the core's statuses each stands for. */
  private static final Map<String, List<String>> REPORTS = Map.of(
      "sent", List.of(Status.SENT),
      "delivered", List.of(Status.DELIVERED, Status.DELIVERED_AS_SMS),
      "displayed", List.of(Status.DISPLAYED),
      "failed", List.of(Status.FAILED),
      "deliveredtonetwork", List.of(Status.DELIVERED_TO_NETWORK));

  private final CmccAuth auth;
  private final GroupSends sends;
  private final Clock clock;
  private final int maxBodyBytes;

  public CmccApi(CmccAuth auth, GroupSends sends, Clock clock, int maxBodyBytes) {
    this.auth = auth;
    this.sends = sends;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * {@code POST …/requests}: the outboundMessageRequest read into the core's content, validated
   * as a GSMA message would be, stored once per recipient, and answered 201 with its
   * resourceReference.
   */
  public void send(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    Element request = envelope(ctx, "outboundMessageRequest");
    List<Violation> violations = new ArrayList<>();
    List<String> recipients = recipients(request, violations);
    Element im = OmaXml.child(request, "outboundIMMessage");
    if (im == null) {
      violations.add(error(IM_PATH, Code.REQUIRED, "outboundMessageRequest needs an"
          + " outboundIMMessage with the bodyText to send"));
      throw invalid(violations);
    }
    String messageId = OmaXml.value(im, "messageId");
    String correlator = OmaXml.value(request, "clientCorrelator");
    List<String> reportRequest = reportRequest(im, violations);
    Validation content = CmccMessages.validateMessage(im);
    violations.addAll(content.errors());
    if (!violations.isEmpty()) {
      throw invalid(violations);
    }
    JsonObject rcs = new JsonObject(content.tree().get("RCSMessage").toString());
    // A resend with the same clientCorrelator and no messageId must name the same messages.
    String id = messageId != null ? messageId : correlator != null
        ? UUID.nameUUIDFromBytes(("clientCorrelator:" + correlator)
            .getBytes(StandardCharsets.UTF_8)).toString()
        : TimeOrderedIds.next(clock.instant());
    sends.send(bot.botId(), rcs, id, recipients, reportRequest).onSuccess(all -> {
      String url = requestsUrl(ctx) + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
          .replace("+", "%20");
      boolean json = CmccJson.wanted(ctx);
      ctx.response().setStatusCode(201)
          .putHeader("Location", url)
          .putHeader("Content-Type", json ? CmccJson.CONTENT_TYPE : CmccXml.CONTENT_TYPE)
          .end(json ? CmccJson.resourceReference(url) : new XmlWriter()
              .open("msg:resourceReference", "xmlns:msg", CmccXml.MESSAGING_NS)
              .leaf("resourceURL", CmccXml.clean(url))
              .close().toString());
    }).onFailure(ctx::fail);
  }

  /**
   * {@code PUT …/requests/{messageId}/status} with a messageStatusReport {@code RevokeRequested}
   * for one recipient ({@code address}): answered at once; the outcome follows as a
   * DeliveryInfoNotification, {@code Revoked} when the message was still undelivered (or revoked
   * before), else {@code RevokeFailed}.
   */
  public void revoke(RoutingContext ctx) {
    Chatbot bot = auth.chatbot(ctx);
    String messageId = ctx.pathParam("requestId");
    Element report = envelope(ctx, "messageStatusReport");
    List<Violation> violations = new ArrayList<>();
    String status = OmaXml.value(report, "status");
    if (!"RevokeRequested".equals(status)) {
      violations.add(error("/messageStatusReport/status", status == null ? Code.REQUIRED
          : Code.BAD_VALUE, "status is RevokeRequested (the only change a chatbot may ask)"));
    }
    List<Element> addresses = OmaXml.children(report, "address");
    String user = null;
    if (addresses.size() > 1) {
      violations.add(error("/messageStatusReport/address", Code.TOO_MANY,
          "a revoke names one recipient of the message"));
    } else if (!addresses.isEmpty()) {
      try {
        user = Numbers.normalize(addresses.get(0).getTextContent().strip());
      } catch (Invalid bad) {
        violations.add(error("/messageStatusReport/address", Code.BAD_PHONE, bad.getMessage()));
      }
    }
    if (!violations.isEmpty()) {
      throw new Invalid("invalid_request", "the revoke has " + violations.size()
          + " problem(s); see violations", violations);
    }
    sends.revoke(bot.botId(), messageId, user).map(MessageRow::userContact).onSuccess(to -> {
      boolean json = CmccJson.wanted(ctx);
      ctx.response().setStatusCode(200)
          .putHeader("Content-Type", json ? CmccJson.CONTENT_TYPE : CmccXml.CONTENT_TYPE)
          .end(json ? CmccJson.statusReport("RevokeRequested", Numbers.tel(to)) : new XmlWriter()
              .open("msg:messageStatusReport", "xmlns:msg", CmccXml.MESSAGING_NS)
              .leaf("status", "RevokeRequested")
              .leaf("address", Numbers.tel(to))
              .close().toString());
    }).onFailure(ctx::fail);
  }


  /**
   * The request's root element, which must be {@code name} (any namespace): its XML, or the
   * element tree of its JSON binding, whose bodies that were not base64 fail it at once.
   */
  private Element envelope(RoutingContext ctx, String name) {
    Buffer body = ctx.body().buffer();
    boolean json = CmccJson.sent(ctx);
    if (body == null || body.length() == 0) {
      throw ApiError.badRequest(json ? "invalid_json" : "invalid_xml", "the body is empty; send"
          + " a " + name + " document");
    }
    if (json) {
      OmaJson.Read read = CmccJson.envelope(body.getBytes(), name);
      if (!read.violations().isEmpty()) {
        throw invalid(read.violations());
      }
      return read.root();
    }
    Element root;
    try {
      root = Xml.parse(body.getBytes(), maxBodyBytes);
    } catch (NetworkFormatException e) {
      throw ApiError.badRequest("invalid_xml", e.getMessage());
    }
    if (!OmaXml.is(root, name)) {
      throw ApiError.badRequest("invalid_xml", "the root element is " + root.getLocalName()
          + "; expected msg:" + name + " (xmlns:msg=\"" + CmccXml.MESSAGING_NS + "\")");
    }
    return root;
  }

  /** The request's {@code address} and {@code destinationAddress} numbers, each once. */
  private static List<String> recipients(Element request, List<Violation> violations) {
    Set<String> numbers = new LinkedHashSet<>();
    int given = 0;
    for (String name : List.of("address", "destinationAddress")) {
      List<Element> elements = OmaXml.children(request, name);
      for (int i = 0; i < elements.size(); i++) {
        given++;
        String path = CmccXml.REQUEST_PATH + "/" + name + "[" + (i + 1) + "]";
        try {
          numbers.add(Numbers.normalize(elements.get(i).getTextContent().strip()));
        } catch (Invalid bad) {
          violations.add(error(path, Code.BAD_PHONE, bad.getMessage()));
        }
      }
    }
    if (given == 0 || numbers.size() > MAX_RECIPIENTS) {
      violations.add(error(CmccXml.REQUEST_PATH + "/destinationAddress",
          given == 0 ? Code.REQUIRED : Code.TOO_MANY, "address and destinationAddress name 1 to "
              + MAX_RECIPIENTS + " recipients, such as tel:+8613800000000"));
    }
    return List.copyOf(numbers);
  }

  /**
   * The core's statuses the {@code reportRequest} elements ask for (null when there are none:
   * all); the SMS handset receipt counts as Delivered.
   */
  private static List<String> reportRequest(Element im, List<Violation> violations) {
    List<Element> requested = OmaXml.children(im, "reportRequest");
    if (requested.isEmpty()) {
      return null;
    }
    Set<String> statuses = new LinkedHashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      String name = requested.get(i).getTextContent().strip();
      List<String> meant = REPORTS.get(name.toLowerCase(Locale.ROOT));
      if (meant == null) {
        violations.add(error(IM_PATH + "/reportRequest[" + (i + 1) + "]", Code.BAD_VALUE,
            "a reportRequest is Sent, Delivered, Displayed, Failed or DeliveredToNetwork, not '"
                + name + "'"));
      } else {
        statuses.addAll(meant);
      }
    }
    return List.copyOf(statuses);
  }

  /** The URL of the request's {@code …/requests} collection, as the bot called it. */
  private static String requestsUrl(RoutingContext ctx) {
    String uri = ctx.request().absoluteURI();
    int query = uri.indexOf('?');
    return (query < 0 ? uri : uri.substring(0, query)).replaceAll("/+$", "");
  }

  private static Invalid invalid(List<Violation> violations) {
    return new Invalid("invalid_message", "the request has " + violations.size()
        + " problem(s); see violations", violations);
  }

  private static Violation error(String path, Code code, String message) {
    return new Violation(path, code, message, Severity.ERROR);
  }
}
