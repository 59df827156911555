package org.openmaap.platform.sip;

import java.util.Optional;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.Xml;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The small XML documents phones send (IMDN, isComposing): parsed by card-renderer's hardened
 * parser (any DOCTYPE refused, so no entity is declared, expanded or fetched); a refusal is a 400.
 */
final class SipXml {

  /** An IMDN or isComposing document is a few hundred bytes. */
  static final int MAX_BYTES = 16 * 1024;

  private SipXml() {}

  /** The root element of {@code xml}, which must be named {@code root}. */
  static Element parse(byte[] xml, String root, String what) {
    Element element;
    try {
      element = Xml.parse(xml, MAX_BYTES);
    } catch (NetworkFormatException e) {
      String message = String.valueOf(e.getMessage());
      throw new Refused(400, "Bad Request: the " + what + " document is refused: "
          + (message.contains("DOCTYPE") ? "DOCTYPE declarations and entities are never "
              + "processed" : message));
    }
    if (!root.equals(element.getLocalName())) {
      throw new Refused(400, "Bad Request: the " + what + " document's root is '"
          + element.getLocalName() + "', not '" + root + "'");
    }
    return element;
  }

  /** The first descendant element named {@code name} (any namespace). */
  static Optional<Element> child(Element parent, String name) {
    Node found = parent.getElementsByTagNameNS("*", name).item(0);
    return Optional.ofNullable((Element) found);
  }

  /** The trimmed text of the first descendant named {@code name}. */
  static Optional<String> text(Element parent, String name) {
    return child(parent, name).map(e -> e.getTextContent().trim());
  }

  /** {@code text} escaped for element content and attribute values. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
