package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.card.validation.Docs.card;
import static org.openmaap.card.validation.Docs.carousel;
import static org.openmaap.card.validation.Docs.chip;
import static org.openmaap.card.validation.Docs.fileMessage;
import static org.openmaap.card.validation.Docs.parse;
import static org.openmaap.card.validation.Docs.replies;
import static org.openmaap.card.validation.Docs.text;
import static org.openmaap.card.validation.Docs.url;
import static org.openmaap.card.validation.Docs.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of CARDS.md's limits table at its boundary: the limit passes, one past it fails. */
class LimitsTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CARD = "/message/generalPurposeCard/content";
  private static final String MEDIA = CARD + "/media";
  private static final String OPEN_URL = CARD + "/suggestions/1/action/urlAction/openUrl";
  private static final String CAROUSEL = "/message/generalPurposeCardCarousel";

  /** At {@code pointer}, {@code atLimit} gives no violation there; {@code overLimit} gives code. */
  record Limit(String name, JsonNode doc, String pointer, JsonNode atLimit, JsonNode overLimit,
      Code code, Severity severity) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Limit error(String name, JsonNode doc, String pointer, Object atLimit, Object overLimit,
      Code code) {
    return new Limit(name, doc, pointer, node(atLimit), node(overLimit), code, Severity.ERROR);
  }

  static Limit warning(String name, JsonNode doc, String pointer, Object atLimit,
      Object overLimit, Code code) {
    return new Limit(name, doc, pointer, node(atLimit), node(overLimit), code, Severity.WARNING);
  }

  static JsonNode node(Object value) {
    if (value instanceof JsonNode n) {
      return n;
    } else if (value instanceof String s) {
      return NODES.textNode(s);
    } else if (value instanceof Long l) {
      return NODES.numberNode(l);
    } else if (value instanceof Integer i) {
      return NODES.numberNode(i);
    } else if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    throw new IllegalArgumentException(String.valueOf(value));
  }

  static String x(int n) {
    return "x".repeat(n);
  }

  static Stream<Limit> limits() {
    JsonNode location = chip("mapAction", "showLocation",
        "{\"location\": {\"latitude\": 1, \"longitude\": 2, \"label\": \"L\"}}");
    JsonNode query = chip("mapAction", "showLocation", "{\"location\": {\"query\": \"q\"}}");
    JsonNode calendar = chip("calendarAction", "createCalendarEvent", """
        {"startTime": "2026-12-01T08:00:00Z", "endTime": "2026-12-01T09:00:00Z", "title": "t",
         "description": "d", "fallbackUrl": "https://example.com/cal"}""");
    String event = "/suggestions/0/action/calendarAction/createCalendarEvent";
    JsonNode compose = chip("composeAction", "composeTextMessage",
        "{\"phoneNumber\": \"+8610086\", \"text\": \"t\"}");
    JsonNode enriched = chip("dialerAction", "dialEnrichedCall",
        "{\"phoneNumber\": \"+8610086\", \"subject\": \"s\"}");
    JsonNode dial = chip("dialerAction", "dialPhoneNumber",
        "{\"phoneNumber\": \"+8610086\", \"fallbackUrl\": \"https://example.com/call\"}");
    String phone = "/suggestions/0/action/dialerAction/dialPhoneNumber/phoneNumber";
    String coordinates = "/suggestions/0/action/mapAction/showLocation/location";
    JsonNode mediumCarousel = with(carousel(2), CAROUSEL + "/layout/cardWidth", "MEDIUM_WIDTH");
    long mb = 1024 * 1024;

    return Stream.of(
        error("textMessage max", text(), "/RCSMessage/textMessage", x(3072), x(3073), Code.TOO_LONG),
        error("textMessage min", text(), "/RCSMessage/textMessage", x(1), "", Code.TOO_SHORT),
        warning("textMessage warning", text(), "/RCSMessage/textMessage", x(2000), x(2001),
            Code.TOO_LONG),
        error("textMessage counts code points", text(), "/RCSMessage/textMessage",
            "\uD83D\uDE00".repeat(3072), "\uD83D\uDE00".repeat(3073), Code.TOO_LONG),
        error("title max", card(), CARD + "/title", x(200), x(201), Code.TOO_LONG),
        error("title min", card(), CARD + "/title", x(1), "", Code.TOO_SHORT),
        error("description max", card(), CARD + "/description", x(2000), x(2001), Code.TOO_LONG),
        error("description min", card(), CARD + "/description", x(1), "", Code.TOO_SHORT),
        error("card suggestions max", card(), CARD + "/suggestions", replies(4), replies(5),
            Code.TOO_MANY),
        error("card suggestions min", card(), CARD + "/suggestions", replies(1), replies(0),
            Code.TOO_FEW),
        error("chips max", parse("{\"suggestions\": []}"), "/suggestions", replies(11),
            replies(12), Code.TOO_MANY),
        error("chips min", parse("{\"suggestions\": []}"), "/suggestions", replies(1), replies(0),
            Code.TOO_FEW),
        error("displayText max", card(), CARD + "/suggestions/0/reply/displayText", x(25), x(26),
            Code.TOO_LONG),
        error("displayText min", card(), CARD + "/suggestions/0/reply/displayText", x(1), "",
            Code.TOO_SHORT),
        warning("displayText UTF-8 bytes", card(), CARD + "/suggestions/0/reply/displayText",
            "a" + "é".repeat(12), "é".repeat(13), Code.TOO_LONG),
        error("postback max", card(), CARD + "/suggestions/0/reply/postback/data", x(2048),
            x(2049), Code.TOO_LONG),
        error("postback min", card(), CARD + "/suggestions/0/reply/postback/data", x(1), "",
            Code.TOO_SHORT),
        error("carousel max", carousel(2), CAROUSEL + "/content",
            carousel(12).at(CAROUSEL + "/content"), carousel(13).at(CAROUSEL + "/content"),
            Code.TOO_MANY),
        error("carousel min", carousel(2), CAROUSEL + "/content",
            carousel(2).at(CAROUSEL + "/content"), carousel(1).at(CAROUSEL + "/content"),
            Code.TOO_FEW),
        warning("carousel warning", carousel(2), CAROUSEL + "/content",
            carousel(10).at(CAROUSEL + "/content"), carousel(11).at(CAROUSEL + "/content"),
            Code.TOO_MANY),
        error("contentDescription max", card(), MEDIA + "/contentDescription", x(200), x(201),
            Code.TOO_LONG),
        error("showLocation label max", location, coordinates + "/label", x(100), x(101),
            Code.TOO_LONG),
        error("showLocation query max", query,
            "/suggestions/0/action/mapAction/showLocation/location/query", x(200), x(201),
            Code.TOO_LONG),
        error("calendar title max", calendar, event + "/title", x(100), x(101), Code.TOO_LONG),
        error("calendar description max", calendar, event + "/description", x(500), x(501),
            Code.TOO_LONG),
        error("calendar endTime not before startTime", calendar, event + "/endTime",
            "2026-12-01T08:00:00Z", "2026-12-01T07:59:59Z", Code.OUT_OF_RANGE),
        error("calendar endTime compares instants", calendar, event + "/endTime",
            "2026-12-01T16:00:00+08:00", "2026-12-01T15:59:59+08:00", Code.OUT_OF_RANGE),
        error("composeTextMessage text max", compose,
            "/suggestions/0/action/composeAction/composeTextMessage/text", x(100), x(101),
            Code.TOO_LONG),
        error("dialEnrichedCall subject max", enriched,
            "/suggestions/0/action/dialerAction/dialEnrichedCall/subject", x(60), x(61),
            Code.TOO_LONG),
        error("openUrl parameters max", card(), OPEN_URL + "/parameters", x(200), x(201),
            Code.TOO_LONG),
        error("latitude max", location, coordinates + "/latitude", 90.0, 90.000001,
            Code.OUT_OF_RANGE),
        error("latitude min", location, coordinates + "/latitude", -90.0, -90.000001,
            Code.OUT_OF_RANGE),
        error("longitude max", location, coordinates + "/longitude", 180.0, 180.000001,
            Code.OUT_OF_RANGE),
        error("longitude min", location, coordinates + "/longitude", -180.0, -180.000001,
            Code.OUT_OF_RANGE),
        error("geolocation radius", parse(
            "{\"RCSMessage\": {\"geolocationPushMessage\": {\"pos\": \"1 2\", \"radius\": 1}}}"),
            "/RCSMessage/geolocationPushMessage/radius", 20_037_509.0, 20_037_509.5,
            Code.OUT_OF_RANGE),
        error("mediaUrl length", card(), MEDIA + "/mediaUrl", url(2048), url(2049), Code.BAD_URL),
        error("mediaUrl scheme", card(), MEDIA + "/mediaUrl", "http://cdn.example.com/a.jpg",
            "ftp://cdn.example.com/a.jpg", Code.BAD_URL),
        error("thumbnailUrl", card(), MEDIA + "/thumbnailUrl", url(2048), "/relative/t.jpg",
            Code.BAD_URL),
        error("url", card(), OPEN_URL + "/url", url(2048), url(2049), Code.BAD_URL),
        error("url is absolute", card(), OPEN_URL + "/url", "HTTPS://shop.example.com/x",
            "shop.example.com/x", Code.BAD_URL),
        error("fallbackUrl", dial, "/suggestions/0/action/dialerAction/dialPhoneNumber/fallbackUrl",
            url(2048), "javascript:alert(1)", Code.BAD_URL),
        error("style", card(), "/message/generalPurposeCard/layout/style", url(2048), url(2049),
            Code.BAD_URL),
        error("fileUrl", fileMessage(), "/RCSMessage/fileMessage/fileUrl", url(2048),
            "https://", Code.BAD_URL),
        error("phoneNumber min digits", dial, phone, "+123", "+12", Code.BAD_PHONE),
        error("phoneNumber max digits", dial, phone, "1".repeat(20), "1".repeat(21),
            Code.BAD_PHONE),
        error("phoneNumber digits only", dial, phone, "+8613800000000", "+86-138-0000",
            Code.BAD_PHONE),
        error("mediaFileSize positive", card(), MEDIA + "/mediaFileSize", 1, 0, Code.OUT_OF_RANGE),
        error("mediaFileSize max", with(card(), MEDIA + "/mediaContentType", "video/mp4"),
            MEDIA + "/mediaFileSize", 100 * mb, 100 * mb + 1, Code.TOO_LARGE),
        warning("image size warning", card(), MEDIA + "/mediaFileSize", 2 * mb, 2 * mb + 1,
            Code.TOO_LARGE),
        warning("thumbnailFileSize warning", card(), MEDIA + "/thumbnailFileSize", 200 * 1024,
            200 * 1024 + 1, Code.TOO_LARGE),
        error("mediaContentType list", card(), MEDIA + "/mediaContentType", "audio/ogg",
            "video/avi", Code.BAD_VALUE),
        warning("TALL_HEIGHT in a SMALL_WIDTH carousel", carousel(2),
            CAROUSEL + "/content/0/media/height", "MEDIUM_HEIGHT", "TALL_HEIGHT", Code.BAD_VALUE),
        error("TALL_HEIGHT in a MEDIUM_WIDTH carousel is fine", mediumCarousel,
            CAROUSEL + "/content/0/media/height", "TALL_HEIGHT", "HUGE_HEIGHT", Code.BAD_VALUE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void validate_atTheLimit_passes(Limit limit) {
    Validation validation = Validator.validateTree(with(limit.doc(), limit.pointer(),
        limit.atLimit()));

    assertThat(validation.violations())
        .as("violations at the limit")
        .noneMatch(v -> v.path().equals(limit.pointer())
            && v.severity().compareTo(limit.severity()) <= 0)
        .noneMatch(Violation::isError);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void validate_pastTheLimit_reportsTheCode(Limit limit) {
    Validation validation = Validator.validateTree(with(limit.doc(), limit.pointer(),
        limit.overLimit()));

    assertThat(validation.violations())
        .as("violations past the limit")
        .contains(new Violation(limit.pointer(), limit.code(),
            message(validation, limit), limit.severity()));
    assertThat(validation.valid()).isEqualTo(limit.severity() == Severity.WARNING);
  }

  private static String message(Validation validation, Limit limit) {
    return validation.violations().stream()
        .filter(v -> v.path().equals(limit.pointer()) && v.code() == limit.code())
        .map(Violation::message)
        .findFirst()
        .orElse("(no violation at " + limit.pointer() + " with code " + limit.code() + ")");
  }
}
