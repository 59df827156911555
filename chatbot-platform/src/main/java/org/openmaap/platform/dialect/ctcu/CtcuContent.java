package org.openmaap.platform.dialect.ctcu;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.GeoUri;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Violation;

/**
 * A CT/CU {@code messageList} read into the core's RCSMessage content, and a user's content
 * written back as one; violations found in the content are pointed back into the list.
 */
final class CtcuContent {

  static final String TEXT = "text/plain";
  static final String BOTMESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
  static final String SUGGESTIONS = "application/vnd.gsma.botsuggestion.v1.0+json";
  static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  static final String FILE = "application/vnd.gsma.rcs-ft-http";
  private static final Set<String> FILE_TYPES = Set.of(FILE, FILE + "+xml");

  /**
   * Content read from a message list: the RCSMessage members, and for each member the pointer of
   * the list item it came from.
   */
  record Read(JsonObject rcsMessage, Map<String, String> origins) {

    /** A violation of the RCSMessage built from the list, pointed at what the bot sent. */
    Violation relocate(Violation violation) {
      String path = violation.path();
      for (Map.Entry<String, String> origin : origins.entrySet()) {
        String member = "/RCSMessage/" + origin.getKey();
        if (path.equals(member) || path.startsWith(member + "/")) {
          // A card's and a chip list's JSON is the bot's own; a file or location was rewritten.
          String rest = Set.of("richcardMessage", "suggestedChipList").contains(origin.getKey())
              ? path.substring(member.length()) : "";
          return new Violation(origin.getValue() + rest, violation.code(),
              violation.message(), violation.severity());
        }
      }
      return violation;
    }
  }

  private CtcuContent() {}

  /**
   * Reads a send's {@code messageList}: one content item (text, location as a {@code geo:} text,
   * card, file) and at most one chip list; answers the violations instead when it has none or
   * more, or an item is malformed.
   */
  static Read read(Object messageList, List<Violation> violations) {
    JsonObject rcs = new JsonObject();
    Map<String, String> origins = new LinkedHashMap<>();
    if (!(messageList instanceof JsonArray items) || items.isEmpty()) {
      violations.add(error("/messageList", messageList == null ? Code.REQUIRED : Code.WRONG_TYPE,
          "messageList must be a list of {contentType, contentText} items, at least one"));
      return new Read(rcs, origins);
    }
    for (int i = 0; i < items.size(); i++) {
      String at = "/messageList/" + i;
      if (!(items.getValue(i) instanceof JsonObject item)) {
        violations.add(error(at, Code.WRONG_TYPE, "an item is {contentType, contentText}"));
        continue;
      }
      String type = item.getValue("contentType") instanceof String t ? t.trim() : null;
      Object text = item.getValue("contentText");
      if (type == null) {
        violations.add(error(at + "/contentType", Code.REQUIRED, "contentType is required"));
        continue;
      }
      if (text == null) {
        violations.add(error(at + "/contentText", Code.REQUIRED, "contentText is required"));
        continue;
      }
      String member = member(type);
      if (member == null) {
        violations.add(error(at + "/contentType", Code.BAD_VALUE, "contentType '" + type
            + "' is not one of " + TEXT + ", " + BOTMESSAGE + ", " + SUGGESTIONS + ", " + FILE));
        continue;
      }
      Object value = switch (member) {
        case "textMessage" -> text(text, at, violations);
        case "richcardMessage", "suggestedChipList" -> json(text, at, violations);
        default -> file(text, at, violations);
      };
      if (value == null) {
        continue;
      }
      if (value instanceof JsonObject location && location.containsKey("pos")) {
        member = "geolocationPushMessage";
      }
      boolean chips = member.equals("suggestedChipList");
      if (chips ? rcs.containsKey(member) : origins.keySet().stream()
          .anyMatch(m -> !m.equals("suggestedChipList"))) {
        violations.add(error(at, Code.ONE_OF, chips
            ? "a message has at most one chip list"
            : "a message has one content item (text, card, file or location) besides its chips"));
        continue;
      }
      rcs.put(member, value);
      origins.put(member, at + "/contentText");
    }
    if (violations.isEmpty() && origins.keySet().stream().allMatch("suggestedChipList"::equals)) {
      violations.add(error("/messageList", Code.REQUIRED,
          "a message needs a text, card, file or location item, not chips alone"));
    }
    return new Read(rcs, origins);
  }

  /** A user's content (an event's RCSMessage) as a CT/CU message list. */
  static JsonArray write(JsonObject rcsMessage) {
    JsonArray list = new JsonArray();
    if (rcsMessage.getValue("textMessage") instanceof String text) {
      list.add(item(TEXT, text));
    }
    if (rcsMessage.getValue("geolocationPushMessage") instanceof JsonObject location) {
      GeolocationPushMessage read = CardJson.treeTo(CardJson.toTree(location.getMap()),
          GeolocationPushMessage.class);
      list.add(item(TEXT, GeoUri.of(read).format()));
    }
    for (String member : List.of("fileMessage", "audioMessage")) {
      if (rcsMessage.getValue(member) instanceof JsonObject file) {
        list.add(item(FILE, fileInfo(file)));
      }
    }
    if (rcsMessage.getValue("suggestedResponse") instanceof JsonObject response) {
      list.add(item(RESPONSE, response));
    }
    return list;
  }

  private static String member(String contentType) {
    String type = contentType.toLowerCase(java.util.Locale.ROOT);
    int parameters = type.indexOf(';');
    type = parameters < 0 ? type : type.substring(0, parameters).trim();
    if (type.equals(TEXT)) {
      return "textMessage";
    }
    if (type.equals(BOTMESSAGE)) {
      return "richcardMessage";
    }
    if (type.equals(SUGGESTIONS)) {
      return "suggestedChipList";
    }
    return FILE_TYPES.contains(type) ? "fileMessage" : null;
  }

  /** A text, or the location a {@code geo:} text pushes. */
  private static Object text(Object text, String at, List<Violation> violations) {
    if (!(text instanceof String s)) {
      violations.add(error(at + "/contentText", Code.WRONG_TYPE, "a text/plain item's"
          + " contentText is a string"));
      return null;
    }
    if (!s.regionMatches(true, 0, "geo:", 0, 4)) {
      return s;
    }
    try {
      return new JsonObject(CardJson.write(GeoUri.parse(s.trim()).location()));
    } catch (IllegalArgumentException e) {
      violations.add(error(at + "/contentText", Code.BAD_VALUE, "not a geo: location such as"
          + " geo:31.2304,121.4737;u=10;rcs-l=Pick-up%20point: " + e.getMessage()));
      return null;
    }
  }

  /** A card or chip list: JSON, as an object or as a string holding one. */
  private static JsonObject json(Object text, String at, List<Violation> violations) {
    if (text instanceof JsonObject object) {
      return object;
    }
    if (text instanceof String s) {
      try {
        return new JsonObject(s);
      } catch (DecodeException | ClassCastException e) {
        violations.add(error(at + "/contentText", Code.INVALID_JSON,
            "contentText is not a JSON object: " + e.getMessage()));
        return null;
      }
    }
    violations.add(error(at + "/contentText", Code.WRONG_TYPE,
        "contentText is a JSON object, or a string holding one"));
    return null;
  }

  /** A file item's list of file and thumbnail infos, as a fileMessage. */
  private static JsonObject file(Object text, String at, List<Violation> violations) {
    Object list = text instanceof String s && s.trim().startsWith("[") ? parseArray(s) : text;
    if (!(list instanceof JsonArray infos)) {
      violations.add(error(at + "/contentText", Code.WRONG_TYPE, "a file item's contentText is a"
          + " list of {type: file|thumbnail, url, contentType, fileSize, fileName}"));
      return null;
    }
    JsonObject file = null;
    JsonObject thumbnail = null;
    for (int i = 0; i < infos.size(); i++) {
      if (infos.getValue(i) instanceof JsonObject info) {
        if ("thumbnail".equals(info.getValue("type"))) {
          thumbnail = info;
        } else if ("file".equals(info.getValue("type"))) {
          file = info;
        }
      }
    }
    if (file == null) {
      violations.add(error(at + "/contentText", Code.REQUIRED,
          "a file item needs an info of \"type\": \"file\""));
      return null;
    }
    JsonObject message = new JsonObject().put("fileUrl", file.getValue("url"))
        .put("fileMIMEType", file.getValue("contentType"))
        .put("fileSize", size(file.getValue("fileSize")));
    putIfSet(message, "fileName", file.getValue("fileName"));
    if (thumbnail != null) {
      message.put("thumbnailUrl", thumbnail.getValue("url"))
          .put("thumbnailMIMEType", thumbnail.getValue("contentType"))
          .put("thumbnailFileSize", size(thumbnail.getValue("fileSize")));
    }
    return message;
  }

  /** A fileMessage (or audioMessage) as a file item's list of infos. */
  private static JsonArray fileInfo(JsonObject file) {
    JsonObject info = new JsonObject().put("type", "file");
    putIfSet(info, "fileSize", file.getValue("fileSize"));
    putIfSet(info, "fileName", file.getValue("fileName"));
    putIfSet(info, "contentType", file.getValue("fileMIMEType"));
    putIfSet(info, "url", file.getValue("fileUrl"));
    JsonArray infos = new JsonArray().add(info);
    if (file.getValue("thumbnailUrl") != null) {
      JsonObject thumbnail = new JsonObject().put("type", "thumbnail");
      putIfSet(thumbnail, "fileSize", file.getValue("thumbnailFileSize"));
      putIfSet(thumbnail, "contentType", file.getValue("thumbnailMIMEType"));
      putIfSet(thumbnail, "url", file.getValue("thumbnailUrl"));
      infos.add(thumbnail);
    }
    return infos;
  }

  private static Object parseArray(String text) {
    try {
      return new JsonArray(text);
    } catch (DecodeException e) {
      return null;
    }
  }

  /** Sizes come as numbers or as strings of digits; anything else is left for the validator. */
  private static Object size(Object value) {
    if (value instanceof String s && s.matches("[0-9]{1,18}")) {
      return Long.parseLong(s);
    }
    return value;
  }

  private static JsonObject item(String type, Object text) {
    return new JsonObject().put("contentType", type).put("contentEncoding", "utf8")
        .put("contentText", text);
  }

  private static void putIfSet(JsonObject json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }

  private static Violation error(String path, Code code, String message) {
    return new Violation(path, code, message, Severity.ERROR);
  }

  static List<Violation> relocated(Read read, List<Violation> violations) {
    List<Violation> out = new ArrayList<>();
    violations.forEach(v -> out.add(read.relocate(v)));
    return out;
  }
}
