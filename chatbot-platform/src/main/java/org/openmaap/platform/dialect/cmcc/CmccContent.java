package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.FtHttp;
import org.openmaap.card.network.GeoUri;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.PushLocation;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Violation;

/**
 * An {@code outboundIMMessage}'s bodyText (of its contentType, or the parts of a multipart/mixed
 * one) read into the core's RCSMessage content, and a user's content written back as a
 * contentType and bodyText; violations found in the content point back into the request.
 */
final class CmccContent {

  static final String TEXT = "text/plain";
  static final String BOTMESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
  static final String SUGGESTIONS = "application/vnd.gsma.botsuggestion.v1.0+json";
  static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  static final String FILE = FtHttp.CONTENT_TYPE;
  static final String LOCATION = PushLocation.CONTENT_TYPE;
  static final String MULTIPART = "multipart/mixed";
  private static final Set<String> FILE_TYPES = Set.of(FILE, "application/vnd.gsma.rcs-ft-http");
  private static final Set<String> JSON_MEMBERS = Set.of("richcardMessage", "suggestedChipList");

  /**
   * Content read from a bodyText: the RCSMessage members, and for each member the element path
   * of the body or part it came from.
   */
  record Read(JsonObject rcsMessage, Map<String, String> origins) {

    /** A violation of the RCSMessage built from the body, pointed at what the bot sent. */
    Violation relocate(Violation violation) {
      String path = violation.path();
      for (Map.Entry<String, String> origin : origins.entrySet()) {
        String member = "/RCSMessage/" + origin.getKey();
        if (path.equals(member) || path.startsWith(member + "/")) {
          // A card's and a chip list's JSON is the bot's own; a file or location was rewritten.
          String rest = JSON_MEMBERS.contains(origin.getKey())
              ? path.substring(member.length()) : "";
          return new Violation(origin.getValue() + rest, violation.code(),
              violation.message(), violation.severity());
        }
      }
      return violation;
    }
  }

  /** A user's content as CMCC writes it: a content type and a body text. */
  record Written(String contentType, String bodyText) {}

  private CmccContent() {}

  /**
   * Reads a bodyText of {@code contentType} (text/plain when null) found at {@code at}: one
   * content (text, a {@code geo:} location text, card, file, push location) and at most one chip
   * list; adds violations instead when it has none or more, or a part is malformed.
   */
  static Read read(String contentType, String bodyText, String at, List<Violation> violations) {
    JsonObject rcs = new JsonObject();
    Map<String, String> origins = new LinkedHashMap<>();
    String type = contentType == null ? TEXT : Multipart.mediaType(contentType);
    if (bodyText == null) {
      violations.add(error(at, Code.REQUIRED, "outboundIMMessage needs a bodyText"));
      return new Read(rcs, origins);
    }
    if (!type.equals(MULTIPART)) {
      add(rcs, origins, type, bodyText, at, typeAt(at), violations);
    } else {
      String boundary = Multipart.boundary(contentType);
      List<Multipart.Part> parts = boundary == null ? List.of()
          : Multipart.parts(bodyText, boundary);
      if (parts.isEmpty()) {
        violations.add(error(boundary == null ? typeAt(at) : at, Code.BAD_VALUE,
            boundary == null
            ? "contentType multipart/mixed needs a boundary parameter, such as"
                + " multipart/mixed; boundary=\"next\""
            : "bodyText has no part delimited by --" + boundary));
        return new Read(rcs, origins);
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
    return new Read(rcs, origins);
  }

  /** A user's content (an event's RCSMessage) as a content type and body text. */
  static Written write(JsonObject rcsMessage, String user, Instant fileKeptUntil) {
    if (rcsMessage.getValue("suggestedResponse") instanceof JsonObject response) {
      return new Written(RESPONSE, response.encode());
    }
    if (rcsMessage.getValue("geolocationPushMessage") instanceof JsonObject location) {
      GeolocationPushMessage read = CardJson.treeTo(CardJson.toTree(location.getMap()),
          GeolocationPushMessage.class);
      try {
        return new Written(LOCATION, new PushLocation(read, "tel:" + user).write());
      } catch (NetworkFormatException e) {
        return new Written(TEXT, GeoUri.of(read).format());
      }
    }
    for (String member : List.of("fileMessage", "audioMessage")) {
      if (rcsMessage.getValue(member) instanceof JsonObject file) {
        FileMessage read = new FileMessage(file.getString("fileUrl"), file.getString("fileName"),
            file.getString("fileMIMEType"), file.getLong("fileSize"),
            file.getString("thumbnailUrl"), file.getString("thumbnailMIMEType"),
            file.getLong("thumbnailFileSize"));
        try {
          return new Written(FILE, new FtHttp(read, fileKeptUntil.toString()).write());
        } catch (NetworkFormatException e) {
          return new Written(TEXT, read.fileUrl());
        }
      }
    }
    Object text = rcsMessage.getValue("textMessage");
    return new Written(TEXT, text instanceof String s ? s : "");
  }

  /** Adds a body of {@code type} found at {@code at}, whose type was named at {@code typeAt}. */
  private static void add(JsonObject rcs, Map<String, String> origins, String type, String body,
      String at, String typeAt, List<Violation> violations) {
    String member;
    Object value;
    if (type.equals(TEXT)) {
      value = text(body, at, violations);
      member = value instanceof JsonObject ? "geolocationPushMessage" : "textMessage";
    } else if (type.equals(BOTMESSAGE) || type.equals(SUGGESTIONS)) {
      value = json(body, at, violations);
      member = type.equals(BOTMESSAGE) ? "richcardMessage" : "suggestedChipList";
    } else if (FILE_TYPES.contains(type)) {
      value = network(() -> new JsonObject(CardJson.write(FtHttp.read(body.strip()).file())),
          "an FT-HTTP file descriptor", at, violations);
      member = "fileMessage";
    } else if (type.equals(LOCATION)) {
      value = network(() -> new JsonObject(CardJson.write(
          PushLocation.read(body.strip()).location())), "a push location document", at,
          violations);
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
    if (chips ? rcs.containsKey(member) : origins.keySet().stream()
        .anyMatch(m -> !m.equals("suggestedChipList"))) {
      violations.add(error(at, Code.ONE_OF, chips
          ? "a message has at most one chip list"
          : "a message has one content part (text, card, file or location) besides its chips"));
      return;
    }
    rcs.put(member, value);
    origins.put(member, at);
  }

  /** The path of the contentType element beside a bodyText element. */
  private static String typeAt(String bodyTextAt) {
    return bodyTextAt.replaceFirst("/bodyText$", "/contentType");
  }

  /** A part's body, decoded when its Content-Transfer-Encoding is base64. */
  private static String decoded(Multipart.Part part, String at, List<Violation> violations) {
    String encoding = part.headers().getOrDefault("content-transfer-encoding", "");
    if (!encoding.equalsIgnoreCase("base64")) {
      return part.body();
    }
    try {
      return new String(Base64.getMimeDecoder().decode(part.body().strip()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      violations.add(error(at, Code.BAD_VALUE, "the part says base64 but is not: "
          + e.getMessage()));
      return null;
    }
  }

  /** A text, or the location a {@code geo:} text pushes. */
  private static Object text(String text, String at, List<Violation> violations) {
    if (!text.strip().regionMatches(true, 0, "geo:", 0, 4)) {
      return text;
    }
    try {
      return new JsonObject(CardJson.write(GeoUri.parse(text.strip()).location()));
    } catch (IllegalArgumentException e) {
      violations.add(error(at, Code.BAD_VALUE, "not a geo: location such as"
          + " geo:31.2304,121.4737;u=10;rcs-l=Pick-up%20point: " + e.getMessage()));
      return null;
    }
  }

  private static JsonObject json(String text, String at, List<Violation> violations) {
    try {
      return new JsonObject(text.strip());
    } catch (DecodeException | ClassCastException e) {
      violations.add(error(at, Code.INVALID_JSON, "not a JSON object: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
      return null;
    }
  }

  /** A network form read into content, or null with its problems as violations at {@code at}. */
  private static JsonObject network(java.util.function.Supplier<JsonObject> reader, String what,
      String at, List<Violation> violations) {
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
