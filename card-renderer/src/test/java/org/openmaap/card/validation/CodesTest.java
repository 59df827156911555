package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.card.validation.Docs.card;
import static org.openmaap.card.validation.Docs.chip;
import static org.openmaap.card.validation.Docs.parse;
import static org.openmaap.card.validation.Docs.text;
import static org.openmaap.card.validation.Docs.with;
import static org.openmaap.card.validation.Docs.without;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every violation code and every cross-member rule of CARDS.md, each on its own document. */
class CodesTest {

  private static final String CARD = "/message/generalPurposeCard";
  private static final Set<Code> SEEN = EnumSet.noneOf(Code.class);

  private static Violation only(Validation validation) {
    assertThat(validation.violations()).hasSize(1);
    Violation violation = validation.violations().get(0);
    SEEN.add(violation.code());
    return violation;
  }

  private static Violation only(JsonNode doc) {
    return only(Validator.validateTree(doc));
  }

  @AfterAll
  static void everyCodeWasSeen() {
    assertThat(SEEN).as("codes covered by this class or LimitsTest")
        .containsAll(EnumSet.of(Code.INVALID_JSON, Code.REQUIRED, Code.UNKNOWN_FIELD,
            Code.WRONG_TYPE, Code.BAD_VALUE, Code.BAD_DATETIME, Code.ONE_OF, Code.TOO_LARGE));
  }

  @Test
  void validate_malformedJson_isInvalidJsonWithLineAndColumn() {
    Violation v = only(Validator.validate("{\"RCSMessage\": {\n  \"textMessage\": \"hi\",,\n}}"));

    assertThat(v.code()).isEqualTo(Code.INVALID_JSON);
    assertThat(v.path()).isEmpty();
    assertThat(v.message()).contains("line 2, column");
  }

  @Test
  void validate_trailingGarbage_isInvalidJson() {
    Violation v = only(Validator.validate("{\"RCSMessage\": {\"textMessage\": \"hi\"}} {}"));

    assertThat(v.code()).isEqualTo(Code.INVALID_JSON);
  }

  @Test
  void validate_duplicateMember_isInvalidJson() {
    Violation v = only(Validator.validate(
        "{\"RCSMessage\": {\"textMessage\": \"a\", \"textMessage\": \"b\"}}"));

    assertThat(v.code()).isEqualTo(Code.INVALID_JSON);
    assertThat(v.message()).contains("textMessage");
  }

  @Test
  void validate_missingRequiredMember_pointsAtTheMissingMember() {
    Violation v = only(without(card(), CARD + "/content/media/mediaUrl"));

    assertThat(v).isEqualTo(new Violation(CARD + "/content/media/mediaUrl", Code.REQUIRED,
        "media needs mediaUrl", Severity.ERROR));
  }

  @Test
  void validate_unknownMember_isUnknownFieldAndNamesTheKnownOnes() {
    Violation v = only(with(card(), CARD + "/content/subtitle", "x"));

    assertThat(v.path()).isEqualTo(CARD + "/content/subtitle");
    assertThat(v.code()).isEqualTo(Code.UNKNOWN_FIELD);
    assertThat(v.message()).contains("title", "description");
  }

  @Test
  void validate_memberInAnEmptyAction_isUnknownField() {
    Violation v = only(chip("mapAction", "requestLocationPush", "{\"now\": true}"));

    assertThat(v.path()).isEqualTo("/suggestions/0/action/mapAction/requestLocationPush/now");
    assertThat(v.code()).isEqualTo(Code.UNKNOWN_FIELD);
  }

  @Test
  void validate_stringWhereANumberBelongs_isWrongType() {
    Violation v = only(with(card(), CARD + "/content/media/mediaFileSize", "1000"));

    assertThat(v.code()).isEqualTo(Code.WRONG_TYPE);
    assertThat(v.message()).isEqualTo("mediaFileSize must be a whole number, not a string");
  }

  @Test
  void validate_fractionalFileSize_isWrongType() {
    Violation v = only(with(card(), CARD + "/content/media/mediaFileSize",
        Docs.JSON.getNodeFactory().numberNode(10.5)));

    assertThat(v.code()).isEqualTo(Code.WRONG_TYPE);
  }

  @Test
  void validate_nullArrayItem_isWrongType() {
    Violation v = only(with(card(), CARD + "/layout/titleFontStyle/0",
        Docs.JSON.getNodeFactory().nullNode()));

    assertThat(v.code()).isEqualTo(Code.WRONG_TYPE);
  }

  @Test
  void validate_rootThatIsNotAnObject_isWrongType() {
    Violation v = only(Validator.validate("[1, 2]"));

    assertThat(v).isEqualTo(new Violation("", Code.WRONG_TYPE,
        "document must be an object, not an array", Severity.ERROR));
  }

  @Test
  void validate_valueOutsideAnEnum_isBadValue() {
    Violation v = only(with(card(), CARD + "/layout/cardOrientation", "DIAGONAL"));

    assertThat(v.code()).isEqualTo(Code.BAD_VALUE);
    assertThat(v.message()).contains("VERTICAL", "HORIZONTAL", "DIAGONAL");
  }

  @Test
  void validate_horizontalCardWithoutAlignment_requiresImageAlignment() {
    JsonNode doc = with(card(), CARD + "/layout/cardOrientation", "HORIZONTAL");

    assertThat(only(doc).path()).isEqualTo(CARD + "/layout/imageAlignment");
    assertThat(Validator.validateTree(with(doc, CARD + "/layout/imageAlignment", "RIGHT"))
        .violations()).isEmpty();
  }

  @Test
  void validate_repeatedFontStyle_isBadValue() {
    JsonNode doc = with(card(), CARD + "/layout/titleFontStyle", parse("[\"bold\", \"bold\"]"));

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo(CARD + "/layout/titleFontStyle/1");
    assertThat(v.code()).isEqualTo(Code.BAD_VALUE);
  }

  @Test
  void validate_fourFontStyles_isTooMany() {
    JsonNode doc = with(card(), CARD + "/layout/titleFontStyle",
        parse("[\"bold\", \"italics\", \"underline\", \"bold\"]"));

    assertThat(Validator.validateTree(doc).violations())
        .extracting(Violation::code).contains(Code.TOO_MANY);
  }

  @Test
  void validate_viewModeWithoutWebview_isBadValue() {
    String openUrl = CARD + "/content/suggestions/1/action/urlAction/openUrl";
    JsonNode doc = with(card(), openUrl + "/application", "browser");

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo(openUrl + "/viewMode");
    assertThat(v.code()).isEqualTo(Code.BAD_VALUE);
  }

  @Test
  void validate_badDateTime_isBadDatetime() {
    JsonNode doc = chip("calendarAction", "createCalendarEvent",
        "{\"startTime\": \"tomorrow 8am\", \"endTime\": \"2026-12-01T09:00:00Z\", \"title\": \"t\"}");

    Violation v = only(doc);

    assertThat(v.path())
        .isEqualTo("/suggestions/0/action/calendarAction/createCalendarEvent/startTime");
    assertThat(v.code()).isEqualTo(Code.BAD_DATETIME);
  }

  @Test
  void validate_dateTimeWithoutOffset_isBadDatetime() {
    JsonNode doc = with(text(), "/RCSMessage/expiry", "2026-12-01T09:00:00");

    assertThat(only(doc).code()).isEqualTo(Code.BAD_DATETIME);
  }

  @Test
  void validate_twoContentMembers_isOneOf() {
    JsonNode doc = with(text(), "/RCSMessage/isTyping", "active");

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo("/RCSMessage");
    assertThat(v.code()).isEqualTo(Code.ONE_OF);
    assertThat(v.message()).contains("textMessage and isTyping");
  }

  @Test
  void validate_noContentMember_isOneOf() {
    Violation v = only(parse("{\"RCSMessage\": {\"msgId\": \"m1\"}}"));

    assertThat(v.code()).isEqualTo(Code.ONE_OF);
    assertThat(v.message()).contains("found none");
  }

  @Test
  void validate_replyAndActionInOneSuggestion_isOneOf() {
    JsonNode doc = with(card(), CARD + "/content/suggestions/0/action",
        card().at(CARD + "/content/suggestions/1/action"));

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo(CARD + "/content/suggestions/0");
    assertThat(v.code()).isEqualTo(Code.ONE_OF);
  }

  @Test
  void validate_actionWithTwoVariants_isOneOf() {
    JsonNode doc = chip("dialerAction", "dialPhoneNumber", "{\"phoneNumber\": \"+8610086\"}");
    doc = with(doc, "/suggestions/0/action/dialerAction/dialVideoCall",
        parse("{\"phoneNumber\": \"+8610086\"}"));

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo("/suggestions/0/action/dialerAction");
    assertThat(v.code()).isEqualTo(Code.ONE_OF);
  }

  @Test
  void validate_bothLocationForms_isOneOf() {
    JsonNode doc = chip("mapAction", "showLocation",
        "{\"location\": {\"latitude\": 1, \"longitude\": 2, \"query\": \"cafe\"}}");

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo("/suggestions/0/action/mapAction/showLocation/location");
    assertThat(v.code()).isEqualTo(Code.ONE_OF);
  }

  @Test
  void validate_latitudeWithoutLongitude_requiresLongitude() {
    JsonNode doc = chip("mapAction", "showLocation", "{\"location\": {\"latitude\": 1}}");

    assertThat(only(doc).path())
        .isEqualTo("/suggestions/0/action/mapAction/showLocation/location/longitude");
  }

  @Test
  void validate_partialThumbnail_requiresTheRest() {
    JsonNode doc = without(card(), CARD + "/content/media/thumbnailFileSize");

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo(CARD + "/content/media/thumbnailFileSize");
    assertThat(v.code()).isEqualTo(Code.REQUIRED);
  }

  @Test
  void validate_cardWithNeitherMediaNorText_isRequired() {
    JsonNode doc = parse("""
        {"message": {"generalPurposeCard": {"layout": {"cardOrientation": "VERTICAL"},
          "content": {"suggestions": [{"reply": {"displayText": "a", "postback": {"data": "a"}}}]}}}}""");

    Violation v = only(doc);

    assertThat(v.path()).isEqualTo(CARD + "/content");
    assertThat(v.code()).isEqualTo(Code.REQUIRED);
  }

  @Test
  void validate_chipsWithTyping_isOneOf() {
    JsonNode doc = parse("""
        {"RCSMessage": {"isTyping": "active", "suggestedChipList": {"suggestions": [
          {"reply": {"displayText": "a", "postback": {"data": "a"}}}]}}}""");

    assertThat(only(doc).path()).isEqualTo("/RCSMessage/suggestedChipList");
  }

  @Test
  void validate_userContactForms_acceptsE164TelAndSip() {
    for (String contact : new String[] {"+8613800000000", "tel:+8613800000000",
        "sip:+8613800000000@ims.example.com"}) {
      assertThat(Validator.validateTree(with(text(), "/messageContact/userContact", contact))
          .violations()).as(contact).isEmpty();
    }
    Violation v = only(with(text(), "/messageContact/userContact", "mailto:bob@example.com"));
    assertThat(v.code()).isEqualTo(Code.BAD_PHONE);
  }

  @Test
  void validate_messageContactWithoutRcsMessage_requiresIt() {
    JsonNode doc = parse("""
        {"messageContact": {"userContact": "+8613800000000"},
         "suggestions": [{"reply": {"displayText": "a", "postback": {"data": "a"}}}]}""");

    assertThat(only(doc).path()).isEqualTo("/RCSMessage");
  }

  @Test
  void validate_unknownDocument_isOneOfNamingTheKinds() {
    Violation v = only(Validator.validate("{}"));

    assertThat(v.code()).isEqualTo(Code.ONE_OF);
    assertThat(v.message()).contains("RCSMessage", "message", "suggestions");
  }

  @Test
  void validate_geolocationPosition_checksFormAndRange() {
    JsonNode doc = parse("{\"RCSMessage\": {\"geolocationPushMessage\": {\"pos\": \"1 2\"}}}");
    String pos = "/RCSMessage/geolocationPushMessage/pos";

    assertThat(Validator.validateTree(doc).violations()).isEmpty();
    assertThat(only(with(doc, pos, "31.2,121.4")).code()).isEqualTo(Code.BAD_VALUE);
    assertThat(only(with(doc, pos, "91 0")).code()).isEqualTo(Code.OUT_OF_RANGE);
  }

  @Test
  void validate_wholeDocumentOverTheLimit_isTooLarge() {
    String small = "{\"RCSMessage\": {\"textMessage\": \"hi\"}}";
    String atLimit = small + " ".repeat(Validator.MAX_DOCUMENT_BYTES - small.length());

    assertThat(Validator.validate(atLimit).violations()).isEmpty();
    Violation v = only(Validator.validate(atLimit + " "));
    assertThat(v).isEqualTo(new Violation("", Code.TOO_LARGE,
        "the document has 250001 bytes; the limit is 250000", Severity.ERROR));
  }

  @Test
  void validate_allViolations_areReportedNotJustTheFirst() {
    JsonNode doc = with(with(with(card(), CARD + "/content/title", "x".repeat(201)),
        CARD + "/content/media/mediaFileSize", IntNode.valueOf(0)),
        CARD + "/content/extra", "x");

    assertThat(Validator.validateTree(doc).violations())
        .extracting(Violation::code)
        .containsExactlyInAnyOrder(Code.TOO_LONG, Code.OUT_OF_RANGE, Code.UNKNOWN_FIELD);
  }
}
