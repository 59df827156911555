package org.openmaap.card.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.openmaap.card.network.Multipart;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Violation;
import org.w3c.dom.DOMException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reading the OMA NetAPI JSON binding ({@code {"outboundMessageRequest": {...}}}) as the element
 * tree the XML binding gives, so that one reading ({@link OmaXml}, {@link CmccMessages}) serves
 * both: a member is an element, an array is the element repeated, a scalar is the element's text,
 * and a {@code bodyText} whose {@code contentType} is not text/plain is decoded from base64.
 */
public final class OmaJson {

  private static final DocumentBuilderFactory FACTORY = DocumentBuilderFactory.newDefaultInstance();

  /** The element tree of a JSON envelope, and its bodies that were not base64 (left out). */
  public record Read(Element root, List<Violation> violations) {}

  private OmaJson() {}

  /**
   * The element tree of a JSON envelope, an object with one member (the root element's name);
   * null when the tree is not one. Null members are absent, unknown ones kept (and ignored by
   * the readers), members that cannot be XML names dropped.
   */
  public static Read read(JsonNode envelope) {
    if (envelope == null || !envelope.isObject() || envelope.size() != 1
        || !envelope.elements().next().isObject()) {
      return null;
    }
    Map.Entry<String, JsonNode> root = envelope.fields().next();
    Document document;
    try {
      document = FACTORY.newDocumentBuilder().newDocument();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's default XML parser cannot be configured", e);
    }
    List<Violation> violations = new ArrayList<>();
    Element element = element(document, root.getKey());
    if (element == null) {
      return null;
    }
    document.appendChild(element);
    fill(element, root.getValue(), "/" + root.getKey(), violations);
    return new Read(element, violations);
  }

  /**
   * The JSON pointer into a JSON envelope of an element path of its tree (as the readers report
   * them: {@code /outboundMessageRequest/address[2]}); past {@code bodyText}, whose text is the
   * decoded body, the path goes on into that body as the XML binding's does.
   */
  public static String pointer(String elementPath) {
    StringBuilder pointer = new StringBuilder();
    String[] segments = elementPath.split("/", -1);
    for (int i = 1; i < segments.length; i++) {
      String segment = segments[i];
      int index = segment.indexOf('[');
      if (index > 0 && segment.endsWith("]")) {
        int position = Integer.parseInt(segment.substring(index + 1, segment.length() - 1));
        pointer.append('/').append(escape(segment.substring(0, index)))
            .append('/').append(position - 1);
      } else {
        pointer.append('/').append(escape(segment));
      }
      if (segment.equals("bodyText")) {
        for (int j = i + 1; j < segments.length; j++) {
          pointer.append('/').append(segments[j]);
        }
        break;
      }
    }
    return pointer.toString();
  }

  private static void fill(Element element, JsonNode value, String at,
      List<Violation> violations) {
    if (!value.isObject()) {
      element.setTextContent(value.asText());
      return;
    }
    JsonNode bodyText = value.get("bodyText");
    JsonNode contentType = value.get("contentType");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> member = it.next();
      List<JsonNode> values = new ArrayList<>();
      if (member.getValue().isArray()) {
        member.getValue().forEach(values::add);
      } else {
        values.add(member.getValue());
      }
      for (int i = 0; i < values.size(); i++) {
        JsonNode one = values.get(i);
        Element child = one.isNull() || one.isArray() ? null
            : element(element.getOwnerDocument(), member.getKey());
        if (child == null) {
          continue;
        }
        String childAt = at + "/" + member.getKey()
            + (member.getValue().isArray() ? "[" + (i + 1) + "]" : "");
        if (one == bodyText && bodyText.isTextual() && !isText(contentType)) {
          String decoded = decoded(bodyText.asText(), childAt, violations);
          if (decoded == null) {
            continue;
          }
          child.setTextContent(decoded);
        } else {
          fill(child, one, childAt, violations);
        }
        element.appendChild(child);
      }
    }
  }

  /** Whether a contentType (absent: text/plain) names plain text, carried as is. */
  private static boolean isText(JsonNode contentType) {
    return contentType == null || !contentType.isTextual() || contentType.asText().isBlank()
        || Multipart.mediaType(contentType.asText()).equals(CmccMessages.TEXT);
  }

  private static String decoded(String base64, String at, List<Violation> violations) {
    try {
      return new String(Base64.getDecoder().decode(base64.replaceAll("\\s+", "")),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      violations.add(new Violation(at, Code.BAD_VALUE, "in the JSON binding a bodyText whose"
          + " contentType is not text/plain is base64 (of the card JSON, or of the whole"
          + " multipart/mixed body); this is not: " + e.getMessage(), Severity.ERROR));
      return null;
    }
  }

  private static Element element(Document document, String name) {
    try {
      return document.createElement(name);
    } catch (DOMException notAName) {
      return null;
    }
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
