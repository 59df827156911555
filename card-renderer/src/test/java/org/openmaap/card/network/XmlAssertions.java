package org.openmaap.card.network;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Checks on written XML made with a parser of the test's own, not the one under test. */
final class XmlAssertions {

  private XmlAssertions() {}

  /** The root of {@code xml}, which must be well-formed namespace-valid XML without a DOCTYPE. */
  static Element wellFormed(String xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setNamespaceAware(true);
      var builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
    }
  }

  /** The namespace of every element under and including {@code root}. */
  static Set<String> namespacesOfElements(Element root) {
    Set<String> namespaces = new LinkedHashSet<>();
    collect(root, namespaces);
    return namespaces;
  }

  private static void collect(Node node, Set<String> namespaces) {
    if (node instanceof Element element) {
      namespaces.add(element.getNamespaceURI());
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      collect(child, namespaces);
    }
  }
}
