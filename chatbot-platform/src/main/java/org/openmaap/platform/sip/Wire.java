package org.openmaap.platform.sip;

import java.text.ParseException;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The stack's provider and factories, with the interface's own address: how requests and answers
 * are built and sent. Sending may block (TCP), so it runs on worker or stack threads only.
 */
record Wire(SipProvider provider, MessageFactory messages, HeaderFactory headers,
    AddressFactory addresses, String host, int port, String domain) {

  private static final Logger LOG = Logger.getLogger(Wire.class.getName());

  /** The URI of chatbot {@code botId}: {@code sip:{botId}@{domain}}. */
  String botUri(String botId) {
    return "sip:" + botId + "@" + domain;
  }

  /** A Contact on chatbot {@code botId}'s behalf, with the chatbot feature tags. */
  Header botContact(String botId, String transport) {
    return header("Contact", "<sip:" + botId + "@" + host + ":" + port + ";transport="
        + transport + ">" + FeatureTags.BOT_TAGS);
  }

  /** The platform's own URI, for the requests it makes in no chatbot's name: its domain. */
  String platformUri() {
    return "sip:" + domain;
  }

  /** The platform's Contact, with the chatbot feature tags: it asks on its chatbots' behalf. */
  Header platformContact(String transport) {
    return header("Contact", "<sip:" + host + ":" + port + ";transport=" + transport + ">"
        + FeatureTags.BOT_TAGS);
  }

  /** Adds an Allow header per method the interface takes. */
  void allow(Response response) {
    try {
      for (String method : FeatureTags.ALLOW) {
        response.addHeader(headers.createAllowHeader(method));
      }
    } catch (ParseException e) {
      throw new IllegalStateException("the interface built a bad Allow header", e);
    }
  }

  /** Adds an Accept header per content type a chatbot takes. */
  void accept(Response response) {
    try {
      for (String type : FeatureTags.ACCEPT) {
        String[] parts = type.split("/");
        response.addHeader(headers.createAcceptHeader(parts[0], parts[1]));
      }
    } catch (ParseException e) {
      throw new IllegalStateException("the interface built a bad Accept header", e);
    }
  }

  /** A header parsed from its text; the texts here are the interface's own. */
  Header header(String name, String value) {
    try {
      return headers.createHeader(name, value);
    } catch (ParseException e) {
      throw new IllegalStateException("the interface built a bad " + name + " header: " + value,
          e);
    }
  }

  /** An answer to {@code request}; the reason phrase replaces the standard one when given. */
  Response response(Request request, int status, String reason) {
    try {
      Response response = messages.createResponse(status, request);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to != null && to.getTag() == null && status >= 200) {
        to.setTag(branch().substring(7, 23));
      }
      if (reason != null) {
        response.setReasonPhrase(Refused.oneLine(reason));
      }
      return response;
    } catch (ParseException e) {
      throw new IllegalStateException("cannot answer " + status, e);
    }
  }

  /** Sends an answer; a phone gone meanwhile is logged, never thrown at the caller. */
  void answer(ServerTransaction transaction, Response response) {
    try {
      transaction.sendResponse(response);
    } catch (SipException | InvalidArgumentException | RuntimeException e) {
      LOG.fine(() -> "could not answer " + response.getStatusCode() + ": " + e.getMessage());
    }
  }

  /** A fresh Via branch (RFC 3261's magic cookie, then a unique part). */
  static String branch() {
    return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
  }
}
