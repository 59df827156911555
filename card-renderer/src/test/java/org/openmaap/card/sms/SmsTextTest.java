package org.openmaap.card.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.Document;
import org.openmaap.card.model.Reply;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;

class SmsTextTest {

  private static final SmsOptions DEFAULTS = SmsOptions.defaults();

  static Document doc(String json) {
    Validation validation = Validator.validate(json);
    assertThat(validation.errors()).as("test document must be valid").isEmpty();
    return validation.document();
  }

  static String sms(String json) {
    return SmsText.render(doc(json), DEFAULTS).text();
  }

  /** A chip list with one action chip labelled "Go" carrying {@code group: {variant: json}}. */
  static String chip(String group, String variant, String json) {
    return """
        {"RCSMessage": {"textMessage": "Hi", "suggestedChipList": {"suggestions": [
          {"action": {"%s": {"%s": %s}, "displayText": "Go", "postback": {"data": "go"}}}]}}}"""
        .formatted(group, variant, json);
  }

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void render_validFixture_matchesItsReviewedGoldenFile(String name) throws IOException {
    String golden;
    try (InputStream in = getClass().getResourceAsStream(
        "/sms-golden/" + name.replace(".json", ".txt"))) {
      assertThat(in).as("golden file for %s", name).isNotNull();
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    SmsRendering sms = SmsText.render(
        Validator.validate(Fixtures.bytes("cards/valid/" + name)).document(), DEFAULTS);

    assertThat(sms.text() + "\n").isEqualTo(golden);
    assertThat(sms.overBudget()).isFalse();
  }

  @Test
  void render_textMessage_isTheText() {
    assertThat(sms("{\"RCSMessage\": {\"textMessage\": \"Your parcel is here\"}}"))
        .isEqualTo("Your parcel is here");
  }

  @Test
  void render_openUrl_isLabelAndUrl() {
    assertThat(sms(chip("urlAction", "openUrl", "{\"url\": \"https://example.com/a\"}")))
        .isEqualTo("Hi\nGo: https://example.com/a");
  }

  @Test
  void render_everyDialAction_isLabelAndNumber() {
    assertThat(sms(chip("dialerAction", "dialPhoneNumber", "{\"phoneNumber\": \"+8610086\"}")))
        .isEqualTo("Hi\nGo: +8610086");
    assertThat(sms(chip("dialerAction", "dialVideoCall", "{\"phoneNumber\": \"+8610010\"}")))
        .isEqualTo("Hi\nGo: +8610010");
    assertThat(sms(chip("dialerAction", "dialEnrichedCall",
        "{\"phoneNumber\": \"10000\", \"subject\": \"Your bill\"}")))
        .isEqualTo("Hi\nGo: 10000");
  }

  @Test
  void render_showLocationWithCoordinates_isAMapLinkFromTheTemplate() {
    String json = chip("mapAction", "showLocation",
        "{\"location\": {\"latitude\": 31.2304, \"longitude\": 121.4737, \"label\": \"Depot\"}}");

    assertThat(sms(json)).isEqualTo(
        "Hi\nGo: https://www.openstreetmap.org/?mlat=31.2304&mlon=121.4737");
    SmsOptions amap = new SmsOptions(4, "https://uri.amap.com/marker?position={lon},{lat}",
        SmsOptions.DEFAULT_MAP_SEARCH, null);
    assertThat(SmsText.render(doc(json), amap).text())
        .isEqualTo("Hi\nGo: https://uri.amap.com/marker?position=121.4737,31.2304");
  }

  @Test
  void render_showLocationWithAQuery_isASearchLink() {
    assertThat(sms(chip("mapAction", "showLocation",
        "{\"location\": {\"query\": \"coffee near Bund & Nanjing Rd\"}}")))
        .isEqualTo("Hi\nGo: https://www.openstreetmap.org/search?query="
            + "coffee%20near%20Bund%20%26%20Nanjing%20Rd");
  }

  @Test
  void render_showLocationWithAFallbackUrl_prefersIt() {
    assertThat(sms(chip("mapAction", "showLocation",
        "{\"location\": {\"query\": \"x\"}, \"fallbackUrl\": \"https://maps.example.com/x\"}")))
        .isEqualTo("Hi\nGo: https://maps.example.com/x");
  }

  @Test
  void render_calendarEvent_isTitleAndTimeRange() {
    assertThat(sms(chip("calendarAction", "createCalendarEvent", """
        {"startTime": "2026-12-01T08:00:00Z", "endTime": "2026-12-01T08:30:00Z",
         "title": "Tasting"}""")))
        .isEqualTo("Hi\nGo: Tasting, 2026-12-01 08:00-08:30 UTC");
    assertThat(sms(chip("calendarAction", "createCalendarEvent", """
        {"startTime": "2026-12-01T22:00:00+08:00", "endTime": "2026-12-01T16:30:00Z",
         "title": "Night train"}""")))
        .isEqualTo("Hi\nGo: Night train, 2026-12-01 22:00 - 2026-12-02 00:30 UTC+08:00");
  }

  @Test
  void render_composeTextMessage_saysWhatToSendWhere() {
    assertThat(sms(chip("composeAction", "composeTextMessage",
        "{\"phoneNumber\": \"+8613800000001\", \"text\": \"SEAT 12A\"}")))
        .isEqualTo("Hi\nGo: send \"SEAT 12A\" to +8613800000001");
  }

  @Test
  void render_deviceSettingsAndRecordingActions_areDropped() {
    assertThat(sms(chip("deviceAction", "requestDeviceSpecifics", "{}"))).isEqualTo("Hi");
    assertThat(sms(chip("settingsAction", "disableAnonymization", "{}"))).isEqualTo("Hi");
    assertThat(sms(chip("settingsAction", "enableDisplayedNotifications", "{}"))).isEqualTo("Hi");
    assertThat(sms(chip("composeAction", "composeRecordingMessage",
        "{\"phoneNumber\": \"+8610086\", \"type\": \"AUDIO\"}"))).isEqualTo("Hi");
  }

  @Test
  void render_requestLocationPush_isANumberedChoice() {
    SmsRendering sms = SmsText.render(doc(chip("mapAction", "requestLocationPush", "{}")),
        DEFAULTS);

    assertThat(sms.text()).isEqualTo("Hi\n1) Go\nReply with a number.");
    assertThat(sms.choices()).singleElement().satisfies(choice -> {
      assertThat(choice.number()).isEqualTo(1);
      assertThat(choice.postback().data()).isEqualTo("go");
    });
  }

  @Test
  void render_cardSuggestionsThenChips_areNumberedAcrossTheMessage() {
    String json = """
        {"RCSMessage": {
          "richcardMessage": {"message": {"generalPurposeCard": {
            "layout": {"cardOrientation": "VERTICAL"},
            "content": {"title": "Pick a size", "suggestions": [
              {"reply": {"displayText": "Small", "postback": {"data": "s"}}},
              {"action": {"urlAction": {"openUrl": {"url": "https://e.com/sizes"}},
                          "displayText": "Sizes", "postback": {"data": "sizes"}}},
              {"reply": {"displayText": "Large", "postback": {"data": "l"}}}]}}}},
          "suggestedChipList": {"suggestions": [
            {"reply": {"displayText": "Cancel", "postback": {"data": "cancel"}}},
            {"action": {"mapAction": {"requestLocationPush": {}},
                        "displayText": "Share location", "postback": {"data": "loc"}}}]}}}""";

    SmsRendering sms = SmsText.render(doc(json), DEFAULTS);

    assertThat(sms.text()).isEqualTo("""
        Pick a size
        Sizes: https://e.com/sizes
        1) Small
        2) Large
        3) Cancel
        4) Share location
        Reply with a number.""");
    assertThat(sms.choices()).extracting(SmsChoice::number, c -> c.postback().data())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "s"),
            org.assertj.core.groups.Tuple.tuple(2, "l"),
            org.assertj.core.groups.Tuple.tuple(3, "cancel"),
            org.assertj.core.groups.Tuple.tuple(4, "loc"));
    assertThat(sms.choices().get(0).suggestion()).isInstanceOf(Reply.class);
  }

  @Test
  void render_signature_isTheLastLine() {
    SmsRendering sms = SmsText.render(doc(chip("mapAction", "requestLocationPush", "{}")),
        DEFAULTS.withSignature("-- Coffee Bot"));

    assertThat(sms.text()).endsWith("Reply with a number.\n-- Coffee Bot");
  }

  @Test
  void fold_typographicPunctuation_becomesGsm() {
    assertThat(SmsText.fold("It\u2019s \u201Cgreat\u201D \u2013 really\u2014wait\u2026 "
        + "10\u00A0km \u2018ok\u2019"))
        .isEqualTo("It's \"great\" - really-wait... 10 km 'ok'");
  }

  @Test
  void render_foldedText_staysGsm7() {
    SmsRendering sms = SmsText.render(
        doc("{\"RCSMessage\": {\"textMessage\": \"Don\u2019t miss it \u2013 today\u2026\"}}"),
        DEFAULTS);

    assertThat(sms.text()).isEqualTo("Don't miss it - today...");
    assertThat(sms.segmentation().encoding()).isEqualTo(Encoding.GSM_7);
  }

  @Test
  void render_longDescription_isShortenedJustEnoughAndChoicesStay() {
    String description = "Fresh beans roasted daily. ".repeat(40).strip();
    String json = """
        {"message": {"generalPurposeCard": {"layout": {"cardOrientation": "VERTICAL"},
          "content": {"title": "Beans", "description": "%s", "suggestions": [
            {"reply": {"displayText": "Buy", "postback": {"data": "buy"}}},
            {"action": {"urlAction": {"openUrl": {"url": "https://e.com/beans"}},
                        "displayText": "More", "postback": {"data": "more"}}}]}}}}"""
        .formatted(description);

    SmsRendering sms = SmsText.render(doc(json), DEFAULTS);

    assertThat(sms.shortened()).isTrue();
    assertThat(sms.overBudget()).isFalse();
    assertThat(sms.segmentation().count()).isEqualTo(4);
    String[] lines = sms.text().split("\n");
    assertThat(lines[0]).isEqualTo("Beans");
    assertThat(lines[1]).endsWith("...").startsWith("Fresh beans roasted daily.");
    assertThat(lines).endsWith("More: https://e.com/beans", "1) Buy", "Reply with a number.");
    // Just enough: one more character of description would not fit.
    String kept = lines[1].substring(0, lines[1].length() - 3);
    String longer = sms.text().replace(kept + "...", description.substring(0, kept.length() + 1)
        + "...");
    assertThat(SmsSegments.split(longer).count()).isGreaterThan(4);
  }

  @Test
  void render_carouselDescriptions_areShortenedBeforeTitles() {
    StringBuilder cards = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      cards.append(i == 0 ? "" : ",").append("""
          {"title": "Flight %d", "description": "%s",
           "suggestions": [{"reply": {"displayText": "Pick %d", "postback": {"data": "f%d"}}}]}"""
          .formatted(i, "Window seat, hot meal, lounge access. ".repeat(4).strip(), i, i));
    }
    String json = """
        {"message": {"generalPurposeCardCarousel": {"layout": {}, "content": [%s]}}}"""
        .formatted(cards);

    SmsRendering sms = SmsText.render(doc(json), DEFAULTS);

    assertThat(sms.segmentation().count()).isLessThanOrEqualTo(4);
    assertThat(sms.text().lines().filter(l -> l.matches("\\d\\. Flight \\d - .*\\.\\.\\.")))
        .hasSize(6);
    assertThat(sms.choices()).hasSize(6);
    assertThat(sms.text()).contains("6) Pick 5");
  }

  @Test
  void render_longTextMessage_isShortenedAfterDescriptionsAndKeepsTheChips() {
    String json = """
        {"RCSMessage": {"textMessage": "%s", "suggestedChipList": {"suggestions": [
          {"reply": {"displayText": "Yes", "postback": {"data": "y"}}}]}}}"""
        .formatted("word ".repeat(600).strip());

    SmsRendering sms = SmsText.render(doc(json), DEFAULTS.withSignature("-- Bot"));

    assertThat(sms.segmentation().count()).isEqualTo(4);
    assertThat(sms.text()).contains("word...\n1) Yes\nReply with a number.\n-- Bot");
  }

  @Test
  void render_choicesThatCannotFit_areKeptAndReportedOverBudget() {
    StringBuilder chips = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      chips.append(i == 0 ? "" : ",").append("""
          {"action": {"urlAction": {"openUrl": {"url": "https://example.com/%s"}},
           "displayText": "Link %d", "postback": {"data": "l%d"}}}"""
          .formatted("x".repeat(150), i, i));
    }

    SmsRendering sms = SmsText.render(doc("{\"suggestions\": [" + chips + "]}"),
        DEFAULTS.withSegmentBudget(2));

    assertThat(sms.overBudget()).isTrue();
    assertThat(sms.text().lines()).hasSize(11);
  }

  @Test
  void render_ucs2Text_usesTheUcs2Budget() {
    String json = "{\"RCSMessage\": {\"textMessage\": \"" + "快递已送达，请查收。".repeat(40) + "\"}}";

    SmsRendering sms = SmsText.render(doc(json), DEFAULTS);

    assertThat(sms.segmentation().encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(sms.segmentation().count()).isEqualTo(4);
    assertThat(sms.text()).endsWith("...");
  }

  @Test
  void render_typing_hasNoSms() {
    assertThatThrownBy(() -> SmsText.render(
        doc("{\"RCSMessage\": {\"isTyping\": \"active\"}}"), DEFAULTS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fall back");
  }

  @Test
  void render_mediaAndFiles_areLabelAndLink() {
    assertThat(sms("""
        {"RCSMessage": {"audioMessage": {"fileUrl": "https://e.com/a.mp3",
          "fileMIMEType": "audio/mpeg", "fileSize": 10}}}"""))
        .isEqualTo("File: https://e.com/a.mp3");
    assertThat(sms("""
        {"message": {"generalPurposeCard": {"layout": {"cardOrientation": "VERTICAL"},
          "content": {"media": {"mediaUrl": "https://e.com/v.mp4", "mediaContentType": "video/mp4",
            "mediaFileSize": 10, "height": "TALL_HEIGHT"}}}}}"""))
        .isEqualTo("Media: https://e.com/v.mp4");
  }
}
