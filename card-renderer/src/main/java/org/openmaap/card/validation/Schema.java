package org.openmaap.card.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmaap.card.validation.Shape.Aliased;
import org.openmaap.card.validation.Shape.Choice;
import org.openmaap.card.validation.Shape.Decimal;
import org.openmaap.card.validation.Shape.Flag;
import org.openmaap.card.validation.Shape.Label;
import org.openmaap.card.validation.Shape.ListOf;
import org.openmaap.card.validation.Shape.Obj;
import org.openmaap.card.validation.Shape.Rule;
import org.openmaap.card.validation.Shape.Text;
import org.openmaap.card.validation.Shape.Whole;

/** CARDS.md and API.md as a table: every document, member and limit the validator enforces. */
final class Schema {

  static final long KB = 1024;
  static final long MB = 1024 * KB;
  static final long MAX_MEDIA_BYTES = 100 * MB;
  static final long IMAGE_WARN_BYTES = 2 * MB;
  static final long THUMBNAIL_WARN_BYTES = 200 * KB;
  /** Half the Earth's circumference: no uncertainty circle is larger. */
  static final double MAX_RADIUS_METRES = 20_037_509;

  static final List<String> MEDIA_TYPES = List.of(
      "image/jpeg", "image/png", "image/gif", "image/webp",
      "video/mp4", "video/webm", "video/3gpp",
      "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr", "audio/ogg");
  static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
  /** Names clients use for a type that has another registered name; read as that one. */
  static final Map<String, String> TYPE_ALIASES = Map.of("image/jpg", "image/jpeg");
  /** FNW.11's timeOffset: whole minutes from UTC, UTC-12:00 to UTC+14:00. */
  static final int MIN_TIME_OFFSET = -720;
  static final int MAX_TIME_OFFSET = 840;

  private Schema() {}

  // --- building blocks -------------------------------------------------------------------------

  static Text text(int min, int max) {
    return new Text(min, max, Integer.MAX_VALUE, Format.PLAIN);
  }

  static Text text(int min, int max, int warnAbove) {
    return new Text(min, max, warnAbove, Format.PLAIN);
  }

  static Text formatted(Format format) {
    return new Text(1, Integer.MAX_VALUE, Integer.MAX_VALUE, format);
  }

  static Choice choice(String... values) {
    return new Choice(List.of(values));
  }

  static Choice choice(Collection<String> values) {
    return new Choice(values.stream().sorted().toList());
  }

  /** One of a set of content types, or an alias of one (accepted with a warning). */
  static Shape contentType(Collection<String> values) {
    return new Aliased(choice(values), TYPE_ALIASES);
  }

  static ListOf list(Shape item, int min, int max) {
    return new ListOf(item, min, max, Integer.MAX_VALUE, false);
  }

  static Obj obj() {
    return new Obj();
  }

  static final Text URL = formatted(Format.URL);
  static final Text PHONE = formatted(Format.PHONE);
  static final Text DATETIME = formatted(Format.DATETIME);
  static final Whole BYTES = new Whole(1, MAX_MEDIA_BYTES, Code.TOO_LARGE, Long.MAX_VALUE);
  static final ListOf FONT_STYLES =
      new ListOf(choice("italics", "bold", "underline"), 1, 3, Integer.MAX_VALUE, true);

  // --- suggestions -----------------------------------------------------------------------------

  static final Obj POSTBACK = obj().required("data", text(1, 2048));
  static final Label DISPLAY_TEXT = new Label(25);

  static final Obj REPLY = obj()
      .required("displayText", DISPLAY_TEXT)
      .required("postback", POSTBACK);

  static final Obj OPEN_URL = obj()
      .required("url", URL)
      .optional("application", choice("browser", "webview"))
      .optional("viewMode", choice("full", "half", "tall"))
      .optional("parameters", text(1, 200))
      .rule(Schema::viewModeNeedsWebview);

  static final Obj DIAL = obj()
      .required("phoneNumber", PHONE)
      .optional("fallbackUrl", URL);

  static final Obj DIAL_ENRICHED = obj()
      .required("phoneNumber", PHONE)
      .optional("subject", text(1, 60))
      .optional("fallbackUrl", URL);

  static final Obj LOCATION = obj()
      .optional("latitude", new Decimal(-90, 90))
      .optional("longitude", new Decimal(-180, 180))
      .optional("label", text(1, 100))
      .optional("query", text(1, 200))
      .rule(Schema::oneLocationForm);

  static final Obj SHOW_LOCATION = obj()
      .required("location", LOCATION)
      .optional("fallbackUrl", URL);

  static final Obj CALENDAR_EVENT = obj()
      .required("startTime", DATETIME)
      .required("endTime", DATETIME)
      .required("title", text(1, 100))
      .optional("description", text(1, 500))
      .optional("fallbackUrl", URL)
      .rule(Schema::endNotBeforeStart);

  static final Obj COMPOSE_TEXT = obj()
      .required("phoneNumber", PHONE)
      .required("text", text(1, 100));

  static final Obj COMPOSE_RECORDING = obj()
      .required("phoneNumber", PHONE)
      .required("type", choice("AUDIO", "VIDEO"));

  static final Obj NOTHING = obj();

  static final Obj ACTION = obj()
      .optional("urlAction", variants(obj().optional("openUrl", OPEN_URL)))
      .optional("dialerAction", variants(obj()
          .optional("dialPhoneNumber", DIAL)
          .optional("dialVideoCall", DIAL)
          .optional("dialEnrichedCall", DIAL_ENRICHED)))
      .optional("mapAction", variants(obj()
          .optional("showLocation", SHOW_LOCATION)
          .optional("requestLocationPush", NOTHING)))
      .optional("calendarAction", variants(obj().optional("createCalendarEvent", CALENDAR_EVENT)))
      .optional("composeAction", variants(obj()
          .optional("composeTextMessage", COMPOSE_TEXT)
          .optional("composeRecordingMessage", COMPOSE_RECORDING)))
      .optional("deviceAction", variants(obj().optional("requestDeviceSpecifics", NOTHING)))
      .optional("settingsAction", variants(obj()
          .optional("disableAnonymization", NOTHING)
          .optional("enableDisplayedNotifications", NOTHING)))
      .required("displayText", DISPLAY_TEXT)
      .required("postback", POSTBACK)
      .rule(exactlyOne("urlAction", "dialerAction", "mapAction", "calendarAction",
          "composeAction", "deviceAction", "settingsAction"));

  static final Obj SUGGESTION = obj()
      .optional("reply", REPLY)
      .optional("action", ACTION)
      .rule(exactlyOne("reply", "action"));

  static final Obj CHIP_LIST = obj().required("suggestions", list(SUGGESTION, 1, 11));

  static final Obj TAPPED = REPLY;

  static final Obj SUGGESTION_RESPONSE = obj()
      .required("response", obj()
          .optional("reply", TAPPED)
          .optional("action", TAPPED)
          .rule(exactlyOne("reply", "action")));

  // --- the persistent menu (GSMA chatbot information) -------------------------------------

  /** Entries of one menu, on the top level and in each submenu. */
  static final int MAX_MENU_ENTRIES = 5;
  /** The top menu and two levels of submenus below it. */
  static final int MAX_MENU_LEVELS = 3;

  /** {@code {"menu": {"entries": [...]}}}: replies, actions and submenus, always on screen. */
  static final Obj PERSISTENT_MENU = obj()
      .required("menu", obj().required("entries", menuEntries(1)));

  /** A level's entries: a reply, an action or (above the deepest level) a titled submenu. */
  private static ListOf menuEntries(int level) {
    Shape submenu = level < MAX_MENU_LEVELS
        ? obj().required("displayText", DISPLAY_TEXT).required("entries", menuEntries(level + 1))
        : (node, at, out) -> out.error(at, Code.TOO_MANY, "menus nest at most "
            + MAX_MENU_LEVELS + " levels deep: the top menu and two levels of submenus");
    Obj entry = obj()
        .optional("reply", REPLY)
        .optional("action", ACTION)
        .optional("menu", submenu)
        .rule(exactlyOne("reply", "action", "menu"));
    return list(entry, 1, MAX_MENU_ENTRIES);
  }

  // --- cards -----------------------------------------------------------------------------------

  static final Obj MEDIA = obj()
      .required("mediaUrl", URL)
      .required("mediaContentType", contentType(MEDIA_TYPES))
      .required("mediaFileSize", BYTES)
      .required("height", choice("SHORT_HEIGHT", "MEDIUM_HEIGHT", "TALL_HEIGHT"))
      .optional("thumbnailUrl", URL)
      .optional("thumbnailContentType", contentType(IMAGE_TYPES))
      .optional("thumbnailFileSize", new Whole(1, MAX_MEDIA_BYTES, Code.TOO_LARGE, THUMBNAIL_WARN_BYTES))
      .optional("contentDescription", text(1, 200))
      .rule(allOrNone("thumbnailUrl", "thumbnailContentType", "thumbnailFileSize"))
      .rule(Schema::imageSizeWarning);

  static final Obj CARD_CONTENT = obj()
      .optional("media", MEDIA)
      .optional("title", text(1, 200))
      .optional("description", text(1, 2000))
      .optional("suggestions", list(SUGGESTION, 1, 4))
      .rule(atLeastOne("media", "title", "description"));

  static final Obj CARD_LAYOUT = obj()
      .required("cardOrientation", choice("VERTICAL", "HORIZONTAL"))
      .optional("imageAlignment", choice("LEFT", "RIGHT"))
      .optional("titleFontStyle", FONT_STYLES)
      .optional("descriptionFontStyle", FONT_STYLES)
      .optional("style", URL)
      .rule(Schema::horizontalNeedsAlignment);

  static final Obj CAROUSEL_LAYOUT = obj()
      .optional("cardWidth", choice("SMALL_WIDTH", "MEDIUM_WIDTH"))
      .optional("titleFontStyle", FONT_STYLES)
      .optional("descriptionFontStyle", FONT_STYLES)
      .optional("style", URL);

  static final Obj BOTMESSAGE = obj()
      .required("message", obj()
          .optional("generalPurposeCard", obj()
              .required("layout", CARD_LAYOUT)
              .required("content", CARD_CONTENT))
          .optional("generalPurposeCardCarousel", obj()
              .required("layout", CAROUSEL_LAYOUT)
              .required("content", new ListOf(CARD_CONTENT, 2, 12, 10, false))
              .rule(Schema::tallMediaInSmallCarousel))
          .rule(exactlyOne("generalPurposeCard", "generalPurposeCardCarousel")));

  // --- other content and the RCSMessage --------------------------------------------------------

  static final Obj FILE_MESSAGE = obj()
      .required("fileUrl", URL)
      .optional("fileName", text(1, 255))
      .required("fileMIMEType", formatted(Format.MIME_TYPE))
      .required("fileSize", BYTES)
      .optional("thumbnailUrl", URL)
      .optional("thumbnailMIMEType", contentType(IMAGE_TYPES))
      .optional("thumbnailFileSize", new Whole(1, MAX_MEDIA_BYTES, Code.TOO_LARGE, THUMBNAIL_WARN_BYTES))
      .optional("thumbnailFileName", text(1, 255))
      .rule(allOrNone("thumbnailUrl", "thumbnailMIMEType", "thumbnailFileSize"));

  static final Obj AUDIO_MESSAGE = obj()
      .required("fileUrl", URL)
      .required("fileMIMEType", formatted(Format.MIME_TYPE))
      .required("fileSize", BYTES)
      .optional("playingLength", new Whole(0, Integer.MAX_VALUE, Code.OUT_OF_RANGE, Long.MAX_VALUE))
      .optional("fileName", text(1, 255));

  static final Obj GEOLOCATION_PUSH = obj()
      .required("pos", formatted(Format.POSITION))
      .optional("label", text(1, 100))
      .optional("timestamp", DATETIME)
      .optional("expiry", DATETIME)
      .optional("radius", new Decimal(0, MAX_RADIUS_METRES))
      .optional("timeOffset",
          new Whole(MIN_TIME_OFFSET, MAX_TIME_OFFSET, Code.OUT_OF_RANGE, Long.MAX_VALUE));

  static final String[] CONTENT_MEMBERS = {"textMessage", "fileMessage", "audioMessage",
      "geolocationPushMessage", "richcardMessage", "isTyping", "suggestedResponse"};

  static final Obj RCS_MESSAGE = obj()
      .optional("msgId", text(1, Integer.MAX_VALUE))
      .optional("textMessage", text(1, 3072, 2000))
      .optional("fileMessage", FILE_MESSAGE)
      .optional("audioMessage", AUDIO_MESSAGE)
      .optional("geolocationPushMessage", GEOLOCATION_PUSH)
      .optional("richcardMessage", BOTMESSAGE)
      .optional("isTyping", choice("active", "idle"))
      .optional("suggestedResponse", SUGGESTION_RESPONSE)
      .optional("suggestedChipList", CHIP_LIST)
      .optional("trafficType", choice("advertisement", "payment", "premium", "subscription", "token"))
      .optional("inReplyToContributionId", text(1, Integer.MAX_VALUE))
      .optional("expiry", DATETIME)
      .optional("shortMessageSupported", new Flag())
      .optional("smsBodyText", text(1, 3072))
      .optional("storeSupported", new Flag())
      .optional("timestamp", DATETIME)
      .rule(exactlyOne(CONTENT_MEMBERS))
      .rule(Schema::noChipsWithSignals);

  static final Text USER_CONTACT = formatted(Format.USER_CONTACT);

  static final Obj MESSAGE_CONTACT = obj()
      .optional("userContact", USER_CONTACT)
      .optional("chatbotContact", text(1, 255))
      .optional("chatId", text(1, 255))
      .rule(atLeastOne("userContact", "chatbotContact", "chatId"));

  /** A messageContact object, or (as FNW.11 clients also send it) the user's number alone. */
  static final Shape CONTACT = (node, at, out) -> {
    if (node.isTextual()) {
      USER_CONTACT.check(node, at, out);
    } else {
      MESSAGE_CONTACT.check(node, at, out);
    }
  };

  static final Obj SHARED_CLIENT_DATA = obj()
      .required("sharedData", obj()
          .required("deviceSpecifics", obj()
              .optional("deviceModel", text(1, 100))
              .optional("platformVersion", text(1, 100))
              .optional("clientVendor", text(1, 100))
              .optional("clientVersion", text(1, 100))
              .optional("batteryRemainingMinutes",
                  new Whole(0, Integer.MAX_VALUE, Code.OUT_OF_RANGE, Long.MAX_VALUE))));

  static final String[] DOCUMENT_KINDS =
      {"RCSMessage", "message", "suggestions", "response", "sharedData"};

  /** Any document of CARDS.md: an RCSMessage body (maybe with messageContact), or a bare one. */
  static final Obj DOCUMENT = obj()
      .optional("messageContact", CONTACT)
      .optional("RCSMessage", RCS_MESSAGE)
      .optional("message", BOTMESSAGE.member("message"))
      .optional("suggestions", CHIP_LIST.member("suggestions"))
      .optional("response", SUGGESTION_RESPONSE.member("response"))
      .optional("sharedData", SHARED_CLIENT_DATA.member("sharedData"))
      .rule(exactlyOne(DOCUMENT_KINDS))
      .rule(Schema::contactOnlyWithRcsMessage);

  // --- rules -----------------------------------------------------------------------------------

  /** An action group object (e.g. dialerAction) holds exactly one of its variants. */
  static Obj variants(Obj group) {
    return group.rule(exactlyOne(group.memberNames().toArray(String[]::new)));
  }

  static Rule exactlyOne(String... names) {
    return (object, at, out) -> {
      List<String> present = present(object, names);
      if (present.size() == 1) {
        return;
      }
      out.error(at, Code.ONE_OF, present.isEmpty()
          ? at.name() + " needs exactly one of " + String.join(", ", names) + "; found none"
          : at.name() + " needs exactly one of " + String.join(", ", names) + "; found "
              + String.join(" and ", present));
    };
  }

  static Rule atLeastOne(String... names) {
    return (object, at, out) -> {
      if (present(object, names).isEmpty()) {
        out.error(at, Code.REQUIRED,
            at.name() + " needs at least one of " + String.join(", ", names));
      }
    };
  }

  static Rule allOrNone(String... names) {
    return (object, at, out) -> {
      List<String> present = present(object, names);
      if (!present.isEmpty() && present.size() < names.length) {
        for (String name : names) {
          if (!object.has(name)) {
            out.error(at.field(name), Code.REQUIRED, at.name() + " has " + String.join(", ", present)
                + " but not " + name + "; give all of " + String.join(", ", names) + " or none");
          }
        }
      }
    };
  }

  private static List<String> present(JsonNode object, String... names) {
    List<String> present = new ArrayList<>(2);
    for (String name : names) {
      if (object.has(name)) {
        present.add(name);
      }
    }
    return present;
  }

  private static void horizontalNeedsAlignment(JsonNode layout, Pointer at, Findings out) {
    if ("HORIZONTAL".equals(layout.path("cardOrientation").textValue())
        && !layout.has("imageAlignment")) {
      out.error(at.field("imageAlignment"), Code.REQUIRED,
          "a HORIZONTAL card needs imageAlignment LEFT or RIGHT");
    }
  }

  private static void viewModeNeedsWebview(JsonNode openUrl, Pointer at, Findings out) {
    if (openUrl.has("viewMode") && !"webview".equals(openUrl.path("application").textValue())) {
      out.error(at.field("viewMode"), Code.BAD_VALUE,
          "viewMode applies only when application is webview");
    }
  }

  private static void oneLocationForm(JsonNode location, Pointer at, Findings out) {
    boolean coordinates =
        location.has("latitude") || location.has("longitude") || location.has("label");
    boolean query = location.has("query");
    if (coordinates == query) {
      out.error(at, Code.ONE_OF, query
          ? "location takes either latitude and longitude (with an optional label) or a query, "
              + "not both"
          : "location needs either latitude and longitude or a query");
      return;
    }
    if (coordinates) {
      for (String name : new String[] {"latitude", "longitude"}) {
        if (!location.has(name)) {
          out.error(at.field(name), Code.REQUIRED, "location needs " + name);
        }
      }
    }
  }

  private static void endNotBeforeStart(JsonNode event, Pointer at, Findings out) {
    OffsetDateTime start = Format.parseDateTime(event.path("startTime").asText(""));
    OffsetDateTime end = Format.parseDateTime(event.path("endTime").asText(""));
    if (start != null && end != null && end.isBefore(start)) {
      out.error(at.field("endTime"), Code.OUT_OF_RANGE, "endTime "
          + event.path("endTime").textValue() + " is before startTime "
          + event.path("startTime").textValue());
    }
  }

  private static void imageSizeWarning(JsonNode media, Pointer at, Findings out) {
    JsonNode size = media.path("mediaFileSize");
    if (IMAGE_TYPES.contains(media.path("mediaContentType").asText())
        && size.canConvertToExactIntegral()
        && size.longValue() > IMAGE_WARN_BYTES && size.longValue() <= MAX_MEDIA_BYTES) {
      out.warning(at.field("mediaFileSize"), Code.TOO_LARGE, "an image of " + size.asText()
          + " bytes is over " + IMAGE_WARN_BYTES + " (2 MB); some clients will not show it");
    }
  }

  private static void tallMediaInSmallCarousel(JsonNode carousel, Pointer at, Findings out) {
    String width = carousel.path("layout").path("cardWidth").asText("SMALL_WIDTH");
    JsonNode cards = carousel.path("content");
    if (!"SMALL_WIDTH".equals(width) || !cards.isArray()) {
      return;
    }
    for (int i = 0; i < cards.size(); i++) {
      if ("TALL_HEIGHT".equals(cards.get(i).path("media").path("height").textValue())) {
        out.warning(at.field("content").index(i).field("media").field("height"), Code.BAD_VALUE,
            "TALL_HEIGHT media in a SMALL_WIDTH carousel is cropped by most clients");
      }
    }
  }

  private static void noChipsWithSignals(JsonNode message, Pointer at, Findings out) {
    if (!message.has("suggestedChipList")) {
      return;
    }
    for (String signal : new String[] {"isTyping", "suggestedResponse"}) {
      if (message.has(signal)) {
        out.error(at.field("suggestedChipList"), Code.ONE_OF,
            "suggestedChipList cannot accompany " + signal);
      }
    }
  }

  private static void contactOnlyWithRcsMessage(JsonNode document, Pointer at, Findings out) {
    if (document.has("messageContact") && !document.has("RCSMessage")) {
      out.error(at.field("RCSMessage"), Code.REQUIRED,
          "messageContact addresses an RCSMessage; the document has none");
    }
  }
}
