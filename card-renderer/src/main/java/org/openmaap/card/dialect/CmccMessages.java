package org.openmaap.card.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.network.FtHttp;
import org.openmaap.card.network.GeoUri;
import org.openmaap.card.network.Multipart;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.PushLocation;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;
import org.w3c.dom.Element;

/**
 * China Mobile's {@code outboundIMMessage} (its bodyText, plain or {@code multipart/mixed} parts,
 * and its SMS fallback and handling elements) read into a GSMA {@code {"RCSMessage": {...}}} and
 * validated as one, every violation pointed at the element or part the bot sent.
 */
public final class CmccMessages {

  public static final String TEXT = "text/plain";
  public static final String BOTMESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
  public static final String SUGGESTIONS = "application/vnd.gsma.botsuggestion.v1.0+json";
  public static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  public static final String FILE = FtHttp.CONTENT_TYPE;
  public static final String LOCATION = PushLocation.CONTENT_TYPE;
  public static final String MULTIPART = Multipart.MIXED;
  /** The element path of a send, and of the message in it. */
  public static final String REQUEST_PATH = "/outboundMessageRequest";
  public static final String IM_PATH = REQUEST_PATH + "/outboundIMMessage";

  private static final Set<String> FILE_TYPES = Set.of(FILE, "application/vnd.gsma.rcs-ft-http");
  /** outboundIMMessage elements that carry the message's handling, and their RCSMessage members. */
  private static final Map<String, String> SETTINGS = Map.of(
      "shortMessageSupported", "shortMessageSupported", "smsBodyText", "smsBodyText",
      "storeSupported", "storeSupported", "trafficType", "trafficType",
      "inReplyToContributionID", "inReplyToContributionId");
  private static final Set<String> FLAGS = Set.of("shortMessageSupported", "storeSupported",
      "fallbackSupported");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CmccMessages() {}

  /** Whether an XML document is a CMCC send: its root is an outboundMessageRequest. */
  public static boolean isRequest(Element root) {
    return OmaXml.is(root, "outboundMessageRequest");
  }

  /**
   * A send's message as a GSMA document, validated (see {@link #validateMessage}); recipients and
   * ids are the platform's to check, not the content's.
   */
  public static Validation validateRequest(Element request) {
    Element im = OmaXml.child(request, "outboundIMMessage");
    if (im == null) {
      return new Validation(List.of(error(IM_PATH, Code.REQUIRED, "outboundMessageRequest needs"
          + " an outboundIMMessage with the bodyText to send")), null);
    }
    return validateMessage(im);
  }

  /**
   * An outboundIMMessage's content as a GSMA document, validated: the violations point into the
   * send ({@code /outboundMessageRequest/outboundIMMessage/bodyText/part[1]/message/...}), the
   * tree is the GSMA {@code {"RCSMessage": ...}} (to render or send when valid).
   */
  public static Validation validateMessage(Element im) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> origins = new LinkedHashMap<>();
    Element bodyText = OmaXml.child(im, "bodyText");
    ObjectNode rcs = read(OmaXml.value(im, "contentType"),
        bodyText == null ? null : OmaXml.body(bodyText), IM_PATH + "/bodyText", origins,
        violations);
    settings(im, rcs, origins, violations);
    return Translated.validate(rcs, origins, violations);
  }

  /**
   * Reads a bodyText of {@code contentType} (text/plain when null) found at {@code at}: one
   * content (text, a {@code geo:} location text, card, file, push location) and at most one chip
   * list, noting where each member came from; adds violations instead when it has none or more,
   * or a part is malformed.
   */
  private static ObjectNode read(String contentType, String bodyText, String at,
      Map<String, String> origins, List<Violation> violations) {
    ObjectNode rcs = JSON.objectNode();
    String type = contentType == null ? TEXT : Multipart.mediaType(contentType);
    if (bodyText == null) {
      violations.add(error(at, Code.REQUIRED, "outboundIMMessage needs a bodyText"));
      return rcs;
    }
    if (!type.equals(MULTIPART)) {
      add(rcs, origins, type, bodyText, at, typeAt(at), violations);
    } else {
      String boundary = Multipart.boundary(contentType);
      List<Multipart.Part> parts = boundary == null ? List.of()
          : Multipart.read(boundary, bodyText.getBytes(StandardCharsets.UTF_8)).parts();
      if (parts.isEmpty()) {
        violations.add(error(boundary == null ? typeAt(at) : at, Code.BAD_VALUE,
            boundary == null
            ? "contentType multipart/mixed needs a boundary parameter, such as"
                + " multipart/mixed; boundary=\"next\""
            : "bodyText has no part delimited by --" + boundary));
        return rcs;
      }
      for (int i = 0; i < parts.size(); i++) {
        Multipart.Part part = parts.get(i);
        String partAt = at + "/part[" + (i + 1) + "]";
        String body = decoded(part, partAt, violations);
        if (body != null) {
          add(rcs, origins, part.type(), body, partAt, partAt, violations);
        }
      }
    }
    if (violations.isEmpty() && origins.keySet().stream().allMatch("suggestedChipList"::equals)) {
      violations.add(error(at, Code.REQUIRED,
          "a message needs a text, card, file or location, not chips alone"));
    }
    return rcs;
  }

  /** Adds a body of {@code type} found at {@code at}, whose type was named at {@code typeAt}. */
  private static void add(ObjectNode rcs, Map<String, String> origins, String type, String body,
      String at, String typeAt, List<Violation> violations) {
    String member;
    JsonNode value;
    if (type.equals(TEXT)) {
      value = text(body, at, violations);
      member = value != null && value.isObject() ? "geolocationPushMessage" : "textMessage";
    } else if (type.equals(BOTMESSAGE) || type.equals(SUGGESTIONS)) {
      value = json(body, at, violations);
      member = type.equals(BOTMESSAGE) ? "richcardMessage" : "suggestedChipList";
    } else if (FILE_TYPES.contains(type)) {
      value = network(() -> CardJson.toTree(FtHttp.read(body.strip()).file()),
          "an FT-HTTP file descriptor", at, violations);
      member = "fileMessage";
    } else if (type.equals(LOCATION)) {
      value = network(() -> CardJson.toTree(PushLocation.read(body.strip()).location()),
          "a push location document", at, violations);
      member = "geolocationPushMessage";
    } else {
      violations.add(error(typeAt, Code.BAD_VALUE, "content type '" + type + "' is not one of "
          + String.join(", ", TEXT, BOTMESSAGE, SUGGESTIONS, FILE, LOCATION, MULTIPART)));
      return;
    }
    if (value == null) {
      return;
    }
    boolean chips = member.equals("suggestedChipList");
    if (chips ? rcs.has(member) : origins.keySet().stream()
        .anyMatch(m -> !m.equals("suggestedChipList"))) {
      violations.add(error(at, Code.ONE_OF, chips
          ? "a message has at most one chip list"
          : "a message has one content part (text, card, file or location) besides its chips"));
      return;
    }
    rcs.set(member, value);
    origins.put(member, at);
  }

  /** The handling elements of outboundIMMessage as RCSMessage members. */
  private static void settings(Element im, ObjectNode rcs, Map<String, String> origins,
      List<Violation> violations) {
    for (String flag : FLAGS) {
      if (OmaXml.child(im, flag) != null && OmaXml.flag(im, flag) == null) {
        violations.add(error(IM_PATH + "/" + flag, Code.BAD_VALUE, flag + " is true or false"));
      }
    }
    SETTINGS.forEach((name, member) -> {
      Element element = OmaXml.child(im, name);
      if (element == null) {
        return;
      }
      JsonNode value = FLAGS.contains(name) ? flag(im, name)
          : name.equals("smsBodyText") ? JSON.textNode(OmaXml.body(element))
          : OmaXml.value(im, name) == null ? null : JSON.textNode(OmaXml.value(im, name));
      if (value != null) {
        rcs.set(member, value);
        origins.put(member, IM_PATH + "/" + name);
      }
    });
    // A fallback to a plain RCS message is an SMS fallback here: its text is the SMS text.
    if (Boolean.TRUE.equals(OmaXml.flag(im, "fallbackSupported"))) {
      if (!rcs.has("shortMessageSupported")) {
        rcs.put("shortMessageSupported", true);
        origins.put("shortMessageSupported", IM_PATH + "/fallbackSupported");
      }
      String type = OmaXml.value(im, "fallbackContentType");
      Element fallback = OmaXml.child(im, "rcsBodyText");
      if (fallback != null && !rcs.has("smsBodyText")
          && (type == null || Multipart.mediaType(type).equals(TEXT))) {
        rcs.put("smsBodyText", OmaXml.body(fallback));
        origins.put("smsBodyText", IM_PATH + "/rcsBodyText");
      }
    }
    // CMCC's notification traffic has no GSMA name; unnamed traffic is what it is.
    if ("notification".equals(rcs.path("trafficType").asText(null))) {
      rcs.remove("trafficType");
    }
  }

  private static JsonNode flag(Element im, String name) {
    Boolean flag = OmaXml.flag(im, name);
    return flag == null ? null : JSON.booleanNode(flag);
  }

  /** The path of the contentType element beside a bodyText element. */
  private static String typeAt(String bodyTextAt) {
    return bodyTextAt.replaceFirst("/bodyText$", "/contentType");
  }

  /** A part's text, decoded when its Content-Transfer-Encoding is base64. */
  private static String decoded(Multipart.Part part, String at, List<Violation> violations) {
    String encoding = part.header("Content-Transfer-Encoding");
    if (encoding == null || !encoding.equalsIgnoreCase("base64")) {
      return part.text();
    }
    try {
      return new String(Base64.getMimeDecoder().decode(part.text().strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      violations.add(error(at, Code.BAD_VALUE, "the part says base64 but is not: "
          + e.getMessage()));
      return null;
    }
  }

  /** A text, or the location a {@code geo:} text pushes. */
  private static JsonNode text(String text, String at, List<Violation> violations) {
    if (!text.strip().regionMatches(true, 0, "geo:", 0, 4)) {
      return JSON.textNode(text);
    }
    try {
      return CardJson.toTree(GeoUri.parse(text.strip()).location());
    } catch (IllegalArgumentException e) {
      violations.add(error(at, Code.BAD_VALUE, "not a geo: location such as"
          + " geo:31.2304,121.4737;u=10;rcs-l=Pick-up%20point: " + e.getMessage()));
      return null;
    }
  }

  private static JsonNode json(String text, String at, List<Violation> violations) {
    String problem;
    try {
      JsonNode parsed = CardJson.readTree(text.strip().getBytes(StandardCharsets.UTF_8));
      if (parsed != null && parsed.isObject()) {
        return parsed;
      }
      problem = "it is " + (parsed == null || parsed.isMissingNode() ? "empty"
          : parsed.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    } catch (IOException e) {
      problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
    violations.add(error(at, Code.INVALID_JSON, "not a JSON object: " + problem));
    return null;
  }

  /** A network form read into content, or null with its problems as violations at {@code at}. */
  private static JsonNode network(Supplier<JsonNode> reader, String what, String at,
      List<Violation> violations) {
    try {
      return reader.get();
    } catch (NetworkFormatException e) {
      if (e.violations().isEmpty()) {
        violations.add(error(at, Code.BAD_VALUE, "not " + what + ": " + e.getMessage()));
      }
      e.violations().forEach(v -> violations.add(new Violation(at + v.path(), v.code(),
          v.message(), v.severity())));
      return null;
    }
  }

  private static Violation error(String path, Code code, String message) {
    return new Violation(path, code, message, Severity.ERROR);
  }
}
