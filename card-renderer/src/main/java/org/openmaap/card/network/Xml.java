package org.openmaap.card.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one secure XML parser configuration (DOCTYPEs refused, so no entity is ever declared,
 * expanded or fetched), and the DOM look-ups the network forms share.
 */
public final class Xml {

  /** Far above any real descriptor (two URLs, a name, a label), far below a memory problem. */
  static final int MAX_DOCUMENT_BYTES = 64 * 1024;

  /** The documents nest six levels; the slack is for extensions we ignore. */
  static final int MAX_ELEMENT_DEPTH = 32;

  private static final DocumentBuilderFactory FACTORY = secureFactory();

  private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };

  private Xml() {}

  /**
   * The JDK's own parser (never one found on the class path), refusing any DOCTYPE so that no
   * entity can be declared, let alone expanded or fetched; the other settings are the second line.
   */
  private static DocumentBuilderFactory secureFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser refused a security feature", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setAttribute("jdk.xml.maxElementDepth", Integer.toString(MAX_ELEMENT_DEPTH));
    // Parser messages end up in our exceptions and must not change with the server's locale. ROOT,
    // not ENGLISH: there is no _en bundle, so ENGLISH falls back to the default locale's bundle.
    factory.setAttribute("http://apache.org/xml/properties/locale", Locale.ROOT);
    factory.setNamespaceAware(true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setValidating(false);
    factory.setIgnoringComments(true);
    return factory;
  }

  /** The root element of an XML document given as bytes (its declaration names the encoding). */
  static Element parse(byte[] xml) {
    return parse(xml, MAX_DOCUMENT_BYTES);
  }

  /**
   * The root element of an XML document of at most {@code maxBytes} bytes, parsed as the network
   * forms are (for other XML documents, such as an API's envelopes); fails with a
   * NetworkFormatException when it is too large, not well-formed, or has a DOCTYPE.
   */
  public static Element parse(byte[] xml, int maxBytes) {
    Objects.requireNonNull(xml, "xml must not be null");
    if (xml.length > maxBytes) {
      throw new NetworkFormatException("the document has " + xml.length + " bytes; the limit is "
          + maxBytes);
    }
    return parse(new InputSource(new ByteArrayInputStream(xml)));
  }

  /** The root element of an XML document given as text. */
  static Element parse(String xml) {
    Objects.requireNonNull(xml, "xml must not be null");
    if (xml.length() > MAX_DOCUMENT_BYTES) {
      throw new NetworkFormatException("the document has " + xml.length()
          + " characters; the limit is " + MAX_DOCUMENT_BYTES);
    }
    return parse(new InputSource(new StringReader(xml)));
  }

  private static Element parse(InputSource source) {
    Document document;
    try {
      document = builder().parse(source);
    } catch (SAXParseException e) {
      throw refusal(e);
    } catch (SAXException | IOException e) {
      throw new NetworkFormatException("not well-formed XML: " + e.getMessage(), e);
    }
    if (!"1.0".equals(document.getXmlVersion())) {
      // XML 1.1 admits control characters that an XML 1.0 writer could not give back.
      throw new NetworkFormatException("the document is XML " + document.getXmlVersion()
          + "; only XML 1.0 is accepted");
    }
    return document.getDocumentElement();
  }

  private static DocumentBuilder builder() {
    DocumentBuilder builder;
    // A factory is not promised to be thread-safe; a builder is made per document and not shared.
    synchronized (FACTORY) {
      try {
        builder = FACTORY.newDocumentBuilder();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
      }
    }
    builder.setErrorHandler(FAIL_ON_ERROR);
    builder.setEntityResolver((publicId, systemId) -> {
      throw new SAXException("external entities are refused: " + systemId);
    });
    return builder;
  }

  private static NetworkFormatException refusal(SAXParseException e) {
    String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("DOCTYPE is disallowed")) {
      return new NetworkFormatException("refused: the document has a DOCTYPE declaration at "
          + where + "; DTDs and entities are never processed", e);
    }
    return new NetworkFormatException("not well-formed XML at " + where + ": " + message, e);
  }

  // --- reading the tree --------------------------------------------------------------------------

  /** Fails unless {@code root} is the element {@code name} in namespace {@code ns}. */
  static void expectRoot(Element root, String ns, String name, String what) {
    if (!is(root, ns, name)) {
      throw new NetworkFormatException("not " + what + ": the root element is " + describe(root)
          + "; expected " + name + " in namespace " + ns);
    }
  }

  static boolean is(Element element, String ns, String name) {
    return ns.equals(element.getNamespaceURI()) && name.equals(element.getLocalName());
  }

  /** The child elements of {@code parent} named {@code name} in {@code ns}, in document order. */
  static List<Element> children(Element parent, String ns, String name) {
    List<Element> found = new ArrayList<>();
    for (Element child : children(parent)) {
      if (is(child, ns, name)) {
        found.add(child);
      }
    }
    return found;
  }

  static List<Element> children(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  /** The one child {@code display} (e.g. "gml:pos") of {@code where}, or null when it has none. */
  static Element optional(Element parent, String ns, String name, String display, String where) {
    List<Element> found = children(parent, ns, name);
    if (found.size() > 1) {
      throw new NetworkFormatException(where + " has " + found.size() + " " + display
          + " elements; expected at most one");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /** The one child {@code display} of {@code where}; fails when it is missing or repeated. */
  static Element required(Element parent, String ns, String name, String display, String where) {
    Element found = optional(parent, ns, name, display, where);
    if (found == null) {
      throw new NetworkFormatException(where + " has no " + display);
    }
    return found;
  }

  /** The text of an element exactly as written (character references resolved). */
  static String text(Element element, String display) {
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        throw new NetworkFormatException(display + " must hold text only; it has an element "
            + describe(child));
      }
    }
    return element.getTextContent();
  }

  /** The text of an element whose type (number, date, URL, token) ignores surrounding spaces. */
  static String token(Element element, String display) {
    return text(element, display).strip();
  }

  /** An unqualified attribute's value, or null when it is absent. */
  static String attribute(Element element, String name) {
    Attr attr = element.getAttributeNodeNS(null, name);
    return attr == null ? null : attr.getValue();
  }

  private static String describe(Element element) {
    String ns = element.getNamespaceURI();
    return ns == null
        ? element.getLocalName() + " (no namespace)"
        : element.getLocalName() + " in namespace " + ns;
  }
}
