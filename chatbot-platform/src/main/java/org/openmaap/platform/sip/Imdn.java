package org.openmaap.platform.sip;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.w3c.dom.Element;

/** An IMDN (RFC 5438): message {@code messageId} was {@code delivered} or {@code displayed}. */
record Imdn(String messageId, Status status) {

  /** The dispositions the platform reports and reads. */
  enum Status { DELIVERED, DISPLAYED }

  static final String NS = "urn:ietf:params:xml:ns:imdn";

  /** Reads a {@code message/imdn+xml} document; other dispositions are refused. */
  static Imdn read(byte[] xml) {
    Element imdn = SipXml.parse(xml, "imdn", "IMDN");
    String messageId = SipXml.text(imdn, "message-id").filter(id -> !id.isEmpty())
        .orElseThrow(() -> new Refused(400, "Bad Request: the IMDN has no message-id"));
    if (SipXml.child(imdn, "delivered").isPresent()) {
      return new Imdn(messageId, Status.DELIVERED);
    }
    if (SipXml.child(imdn, "displayed").isPresent()) {
      return new Imdn(messageId, Status.DISPLAYED);
    }
    throw new Refused(488, "Not Acceptable Here: only delivered and displayed notifications "
        + "are taken");
  }

  /** The document as sent at {@code at}. */
  byte[] write(Instant at) {
    String notification = status == Status.DELIVERED
        ? "<delivery-notification><status><delivered/></status></delivery-notification>"
        : "<display-notification><status><displayed/></status></display-notification>";
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n"
        + "<imdn xmlns=\"" + NS + "\">"
        + "<message-id>" + SipXml.escape(messageId) + "</message-id>"
        + "<datetime>" + at + "</datetime>"
        + notification + "</imdn>").getBytes(StandardCharsets.UTF_8);
  }
}
