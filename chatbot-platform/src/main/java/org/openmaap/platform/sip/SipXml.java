package org.openmaap.platform.sip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The small XML documents phones send (IMDN, isComposing): parsed by the JDK's parser with any
 * DOCTYPE refused, so no entity is declared, expanded or fetched; a refusal is a 400.
 */
final class SipXml {

  /** An IMDN or isComposing document is a few hundred bytes. */
  static final int MAX_BYTES = 16 * 1024;

  private static final DocumentBuilderFactory FACTORY = secureFactory();

  private SipXml() {}

  private static DocumentBuilderFactory secureFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refused a security feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** The root element of {@code xml}, which must be named {@code root}. */
  static Element parse(byte[] xml, String root, String what) {
    if (xml.length > MAX_BYTES) {
      throw new Refused(400, "Bad Request: the " + what + " document has " + xml.length
          + " bytes; the limit is " + MAX_BYTES);
    }
    Element element;
    try {
      DocumentBuilder builder;
      synchronized (FACTORY) {
        builder = FACTORY.newDocumentBuilder();
      }
      builder.setErrorHandler(new DefaultHandler() {
        @Override
        public void error(org.xml.sax.SAXParseException e) throws SAXException {
          throw e;
        }
      });
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are refused");
      });
      element = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (SAXException | IOException e) {
      String message = String.valueOf(e.getMessage());
      throw new Refused(400, "Bad Request: the " + what + " document is refused: "
          + (message.contains("DOCTYPE") ? "DOCTYPE declarations and entities are never "
              + "processed" : "not well-formed XML"));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
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
