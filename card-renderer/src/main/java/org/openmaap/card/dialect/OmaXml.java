package org.openmaap.card.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.CDATASection;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Reading OMA NetAPI envelopes as deployed clients write them: elements matched by local name
 * whatever their namespace or case, unknown ones ignored.
 */
public final class OmaXml {

  private OmaXml() {}

  /** Whether the element's local name is {@code name}, in any case. */
  public static boolean is(Element element, String name) {
    String local = element.getLocalName() != null ? element.getLocalName()
        : element.getTagName();
    return local.equalsIgnoreCase(name);
  }

  /** The child elements named {@code name} (any namespace, any case), in document order. */
  public static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element element && is(element, name)) {
        found.add(element);
      }
    }
    return found;
  }

  /** The first child named {@code name}, or null. */
  public static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** The trimmed text of the first child named {@code name}, or null when absent or empty. */
  public static String value(Element parent, String name) {
    Element child = child(parent, name);
    if (child == null) {
      return null;
    }
    String text = child.getTextContent().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * The text a body element carries: its CDATA sections when it has any (the whitespace that
   * pretty-printing puts around them is not content), else its text exactly.
   */
  public static String body(Element element) {
    StringBuilder cdata = new StringBuilder();
    boolean hasCdata = false;
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof CDATASection section) {
        hasCdata = true;
        cdata.append(section.getData());
      } else if (n instanceof Text text && !text.getData().isBlank()) {
        return element.getTextContent();
      }
    }
    return hasCdata ? cdata.toString() : element.getTextContent();
  }

  /** A boolean element: true, false, or null when absent or neither. */
  public static Boolean flag(Element parent, String name) {
    String text = value(parent, name);
    if (text == null) {
      return null;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> null;
    };
  }
}
