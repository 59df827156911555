package org.openmaap.platform.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.w3c.dom.Element;

/** An isComposing indication (RFC 3994): the sender is typing ({@code active}) or not. */
record IsComposing(boolean active) {

  static final String NS = "urn:ietf:params:xml:ns:im-iscomposing";
  /** How long, in seconds, an active indication holds without a refresh. */
  static final int REFRESH_SECONDS = 60;

  /** Reads an {@code application/im-iscomposing+xml} document. */
  static IsComposing read(byte[] xml) {
    Element root = SipXml.parse(xml, "isComposing", "isComposing");
    String state = SipXml.text(root, "state").orElse("").toLowerCase(Locale.ROOT);
    return switch (state) {
      case "active" -> new IsComposing(true);
      case "idle" -> new IsComposing(false);
      default -> throw new Refused(400, "Bad Request: the isComposing state must be active "
          + "or idle");
    };
  }

  /** The document as sent. */
  byte[] write() {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        + "<isComposing xmlns=\"" + NS + "\">"
        + "<state>" + (active ? "active" : "idle") + "</state>"
        + "<contenttype>text/plain</contenttype>"
        + (active ? "<refresh>" + REFRESH_SECONDS + "</refresh>" : "")
        + "</isComposing>").getBytes(StandardCharsets.UTF_8);
  }

  /** The state's name as the Chatbot API says it. */
  String state() {
    return active ? "active" : "idle";
  }
}
