package org.openmaap.card.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.GeoUri;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;

/**
 * China Telecom / China Unicom's send ({@code messageList}, {@code smsSupported} …) read into a
 * GSMA {@code {"RCSMessage": {...}}} and validated as one, every violation pointed at what the bot
 * sent; and a user's RCSMessage content written back as a {@code messageList}.
 */
public final class CtcuMessages {

  public static final String TEXT = "text/plain";
  public static final String BOTMESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
  public static final String SUGGESTIONS = "application/vnd.gsma.botsuggestion.v1.0+json";
  public static final String RESPONSE = "application/vnd.gsma.botsuggestion.response.v1.0+json";
  public static final String FILE = "application/vnd.gsma.rcs-ft-http";
  private static final Set<String> FILE_TYPES = Set.of(FILE, FILE + "+xml");
  /** Send members that carry the message's handling, and the RCSMessage members they become. */
  private static final Map<String, String> SETTINGS = Map.of("smsSupported",
      "shortMessageSupported", "smsContent", "smsBodyText", "storeSupported", "storeSupported",
      "trafficType", "trafficType", "inReplyTo", "inReplyToContributionId");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private CtcuMessages() {}

  /** Whether a document is a CT/CU send rather than a GSMA one: it has a messageList. */
  public static boolean isSend(JsonNode document) {
    return document != null && document.isObject() && document.has("messageList");
  }

  /**
   * A CT/CU send's content as a GSMA document, validated: the violations point into the send,
   * the tree is the GSMA {@code {"RCSMessage": ...}} (to render when valid). Recipients and ids
   * are the platform's to check, not the content's.
   */
  public static Validation validateSend(JsonNode send) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> origins = new LinkedHashMap<>();
    ObjectNode rcs = read(send.get("messageList"), origins, violations);
    SETTINGS.forEach((name, member) -> {
      JsonNode value = send.get(name);
      if (value != null && !value.isNull()) {
        rcs.set(member, value);
        origins.put(member, "/" + name);
      }
    });
    // CT/CU's notification traffic has no GSMA name; unnamed traffic is what it is.
    if ("notification".equals(rcs.path("trafficType").asText(null))) {
      rcs.remove("trafficType");
    }
    return Translated.validate(rcs, origins, violations);
  }

  /** A user's content (an RCSMessage) as a CT/CU message list. */
  public static ArrayNode write(JsonNode rcsMessage) {
    ArrayNode list = JSON.arrayNode();
    if (rcsMessage.path("textMessage").isTextual()) {
      list.add(item(TEXT, rcsMessage.get("textMessage")));
    }
    if (rcsMessage.path("geolocationPushMessage").isObject()) {
      GeolocationPushMessage location = CardJson.treeTo(rcsMessage.get("geolocationPushMessage"),
          GeolocationPushMessage.class);
      list.add(item(TEXT, JSON.textNode(GeoUri.of(location).format())));
    }
    for (String member : List.of("fileMessage", "audioMessage")) {
      if (rcsMessage.path(member).isObject()) {
        list.add(item(FILE, fileInfo(rcsMessage.get(member))));
      }
    }
    if (rcsMessage.path("suggestedResponse").isObject()) {
      list.add(item(RESPONSE, rcsMessage.get("suggestedResponse")));
    }
    return list;
  }

  /**
   * Reads the message list: one content item (text, location as a {@code geo:} text, card,
   * file) and at most one chip list, each member's origin noted.
   */
  private static ObjectNode read(JsonNode messageList, Map<String, String> origins,
      List<Violation> violations) {
    ObjectNode rcs = JSON.objectNode();
    if (messageList == null || !messageList.isArray() || messageList.isEmpty()) {
      violations.add(error("/messageList", messageList == null || messageList.isNull()
              ? Code.REQUIRED : Code.WRONG_TYPE,
          "messageList must be a list of {contentType, contentText} items, at least one"));
      return rcs;
    }
    boolean content = false;
    for (int i = 0; i < messageList.size(); i++) {
      String at = "/messageList/" + i;
      JsonNode item = messageList.get(i);
      if (!item.isObject()) {
        violations.add(error(at, Code.WRONG_TYPE, "an item is {contentType, contentText}"));
        continue;
      }
      JsonNode type = item.get("contentType");
      JsonNode text = item.get("contentText");
      if (type == null || !type.isTextual()) {
        violations.add(error(at + "/contentType", Code.REQUIRED, "contentType is required"));
        continue;
      }
      if (text == null || text.isNull()) {
        violations.add(error(at + "/contentText", Code.REQUIRED, "contentText is required"));
        continue;
      }
      String member = member(type.asText());
      if (member == null) {
        violations.add(error(at + "/contentType", Code.BAD_VALUE, "contentType '"
            + type.asText() + "' is not one of " + TEXT + ", " + BOTMESSAGE + ", " + SUGGESTIONS
            + ", " + FILE));
        continue;
      }
      JsonNode value = switch (member) {
        case "textMessage" -> text(text, at, violations);
        case "richcardMessage", "suggestedChipList" -> json(text, at, violations);
        default -> file(text, at, violations);
      };
      if (value == null) {
        continue;
      }
      if (value.isObject() && value.has("pos")) {
        member = "geolocationPushMessage";
      }
      boolean chips = member.equals("suggestedChipList");
      if (chips ? rcs.has(member) : content) {
        violations.add(error(at, Code.ONE_OF, chips
            ? "a message has at most one chip list"
            : "a message has one content item (text, card, file or location) besides its chips"));
        continue;
      }
      content |= !chips;
      rcs.set(member, value);
      origins.put(member, at + "/contentText");
    }
    if (violations.isEmpty() && !content) {
      violations.add(error("/messageList", Code.REQUIRED,
          "a message needs a text, card, file or location item, not chips alone"));
    }
    return rcs;
  }

  private static String member(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    int parameters = type.indexOf(';');
    type = (parameters < 0 ? type : type.substring(0, parameters)).trim();
    return switch (type) {
      case TEXT -> "textMessage";
      case BOTMESSAGE -> "richcardMessage";
      case SUGGESTIONS -> "suggestedChipList";
      default -> FILE_TYPES.contains(type) ? "fileMessage" : null;
    };
  }

  /** A text, or the location a {@code geo:} text pushes. */
  private static JsonNode text(JsonNode text, String at, List<Violation> violations) {
    if (!text.isTextual()) {
      violations.add(error(at + "/contentText", Code.WRONG_TYPE,
          "a text/plain item's contentText is a string"));
      return null;
    }
    String s = text.asText();
    if (!s.regionMatches(true, 0, "geo:", 0, 4)) {
      return text;
    }
    try {
      return CardJson.toTree(GeoUri.parse(s.trim()).location());
    } catch (IllegalArgumentException e) {
      violations.add(error(at + "/contentText", Code.BAD_VALUE, "not a geo: location such as"
          + " geo:31.2304,121.4737;u=10;rcs-l=Pick-up%20point: " + e.getMessage()));
      return null;
    }
  }

  /** A card or chip list: JSON, as an object or as a string holding one. */
  private static JsonNode json(JsonNode text, String at, List<Violation> violations) {
    if (text.isObject()) {
      return text;
    }
    if (text.isTextual()) {
      JsonNode parsed = parse(text.asText());
      if (parsed != null && parsed.isObject()) {
        return parsed;
      }
      violations.add(error(at + "/contentText", Code.INVALID_JSON,
          "contentText is not a JSON object"));
      return null;
    }
    violations.add(error(at + "/contentText", Code.WRONG_TYPE,
        "contentText is a JSON object, or a string holding one"));
    return null;
  }

  /** A file item's list of file and thumbnail infos, as a fileMessage. */
  private static JsonNode file(JsonNode text, String at, List<Violation> violations) {
    JsonNode infos = text.isTextual() ? parse(text.asText()) : text;
    if (infos == null || !infos.isArray()) {
      violations.add(error(at + "/contentText", Code.WRONG_TYPE, "a file item's contentText is a"
          + " list of {type: file|thumbnail, url, contentType, fileSize, fileName}"));
      return null;
    }
    JsonNode file = null;
    JsonNode thumbnail = null;
    for (JsonNode info : infos) {
      String type = info.path("type").asText("");
      if (type.equals("file")) {
        file = info;
      } else if (type.equals("thumbnail")) {
        thumbnail = info;
      }
    }
    if (file == null) {
      violations.add(error(at + "/contentText", Code.REQUIRED,
          "a file item needs an info of \"type\": \"file\""));
      return null;
    }
    ObjectNode message = JSON.objectNode();
    copy(file, "url", message, "fileUrl");
    copy(file, "fileName", message, "fileName");
    copy(file, "contentType", message, "fileMIMEType");
    copy(file, "fileSize", message, "fileSize");
    if (thumbnail != null) {
      copy(thumbnail, "url", message, "thumbnailUrl");
      copy(thumbnail, "contentType", message, "thumbnailMIMEType");
      copy(thumbnail, "fileSize", message, "thumbnailFileSize");
    }
    return message;
  }

  /** A fileMessage (or audioMessage) as a file item's list of infos. */
  private static ArrayNode fileInfo(JsonNode file) {
    ObjectNode info = JSON.objectNode().put("type", "file");
    copy(file, "fileSize", info, "fileSize");
    copy(file, "fileName", info, "fileName");
    copy(file, "fileMIMEType", info, "contentType");
    copy(file, "fileUrl", info, "url");
    ArrayNode infos = JSON.arrayNode().add(info);
    if (file.hasNonNull("thumbnailUrl")) {
      ObjectNode thumbnail = JSON.objectNode().put("type", "thumbnail");
      copy(file, "thumbnailFileSize", thumbnail, "fileSize");
      copy(file, "thumbnailMIMEType", thumbnail, "contentType");
      copy(file, "thumbnailUrl", thumbnail, "url");
      infos.add(thumbnail);
    }
    return infos;
  }

  /** Copies a member under another name; sizes sent as strings of digits become numbers. */
  private static void copy(JsonNode from, String name, ObjectNode to, String as) {
    JsonNode value = from.get(name);
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isTextual() && name.endsWith("ileSize") && value.asText().matches("[0-9]{1,18}")) {
      long size = Long.parseLong(value.asText());
      // As a parser reads the same digits: an int when it fits.
      to.set(as, size <= Integer.MAX_VALUE ? JSON.numberNode((int) size) : JSON.numberNode(size));
    } else {
      to.set(as, value);
    }
  }

  private static JsonNode parse(String text) {
    try {
      return CardJson.readTree(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException notJson) {
      return null;
    }
  }

  private static ObjectNode item(String type, JsonNode text) {
    ObjectNode item = JSON.objectNode().put("contentType", type).put("contentEncoding", "utf8");
    item.set("contentText", text);
    return item;
  }

  private static Violation error(String path, Code code, String message) {
    return new Violation(path, code, message, Severity.ERROR);
  }
}
