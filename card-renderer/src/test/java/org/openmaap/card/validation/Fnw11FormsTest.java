package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.card.validation.Docs.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.SendRequest;

/** What FNW.11 client SDKs send that CARDS.md accepts: explicit nulls, chatId, FNW.11 members. */
class Fnw11FormsTest {

  private static Validation validate(String json) {
    return Validator.validate(json);
  }

  @Test
  void validate_sdkNullsOnOptionalMembers_areAbsent() {
    Validation validation = validate("""
        {"messageContact": {"userContact": "+8613800000000", "chatId": null},
         "RCSMessage": {"msgId": null, "expiry": null, "fileMessage": {
           "fileUrl": "https://cdn.example.com/menu.pdf", "fileName": "menu.pdf",
           "fileMIMEType": "application/pdf", "fileSize": 52000,
           "thumbnailUrl": null, "thumbnailFileName": null, "thumbnailMIMEType": null,
           "thumbnailFileSize": null}}}""");

    assertThat(validation.violations()).isEmpty();
    assertThat(validation.tree()).isEqualTo(parse("""
        {"messageContact": {"userContact": "+8613800000000"},
         "RCSMessage": {"fileMessage": {
           "fileUrl": "https://cdn.example.com/menu.pdf", "fileName": "menu.pdf",
           "fileMIMEType": "application/pdf", "fileSize": 52000}}}"""));
  }

  @Test
  void validate_aTappedSuggestionWithTheTypeChinasTerminalsAdd_isReadWithoutIt() {
    Validation tapped = validate("""
        {"RCSMessage": {"suggestedResponse": {"response": {"reply": {"type": "reply",
          "displayText": "Yes", "postback": {"data": "yes"}}}}}}""");
    Validation bare = validate("""
        {"response": {"action": {"type": "action", "displayText": "Call",
          "postback": {"data": "call"}}}}""");
    Validation otherMember = validate("""
        {"response": {"reply": {"kind": "reply", "displayText": "Yes",
          "postback": {"data": "yes"}}}}""");

    assertThat(tapped.violations()).isEmpty();
    assertThat(tapped.tree()).isEqualTo(parse("""
        {"RCSMessage": {"suggestedResponse": {"response": {"reply": {
          "displayText": "Yes", "postback": {"data": "yes"}}}}}}"""));
    assertThat(bare.violations()).isEmpty();
    assertThat(otherMember.errors()).extracting(Violation::path)
        .containsExactly("/response/reply/kind");
  }

  @Test
  void validate_geolocationPushWithNullTimestampExpiryAndRadius_isValid() {
    Validation validation = validate("""
        {"RCSMessage": {"geolocationPushMessage": {"pos": "31.2304 121.4737",
          "label": "Shop", "timestamp": null, "expiry": null, "radius": null}}}""");

    assertThat(validation.violations()).isEmpty();
    assertThat(CardJson.write(validation.document())).doesNotContain("null");
  }

  @Test
  void validate_nullOnARequiredMember_isRequired() {
    Validation validation = validate("""
        {"RCSMessage": {"fileMessage": {"fileUrl": null, "fileMIMEType": "application/pdf",
          "fileSize": 52000}}}""");

    assertThat(validation.violations()).containsExactly(new Violation(
        "/RCSMessage/fileMessage/fileUrl", Code.REQUIRED, "fileMessage needs fileUrl (null counts as absent)",
        Severity.ERROR));
  }

  @Test
  void validate_chatIdAlone_addressesTheMessage() {
    Validation validation = validate("""
        {"messageContact": {"chatId": "c-4f2a"}, "RCSMessage": {"textMessage": "hi"}}""");

    assertThat(validation.violations()).isEmpty();
    assertThat(((SendRequest) validation.document()).messageContact().chatId())
        .isEqualTo("c-4f2a");
  }

  @Test
  void validate_bareStringMessageContact_readsAsUserContact() {
    Validation validation = validate("""
        {"messageContact": "+8613800000000", "RCSMessage": {"textMessage": "hi"}}""");

    assertThat(validation.violations()).isEmpty();
    assertThat(validation.tree().get("messageContact"))
        .isEqualTo(parse("{\"userContact\": \"+8613800000000\"}"));
    assertThat(((SendRequest) validation.document()).messageContact().userContact())
        .isEqualTo("+8613800000000");
  }

  @Test
  void validate_bareStringMessageContactThatIsNoNumber_isBadPhone() {
    Validation validation = validate("""
        {"messageContact": "alice", "RCSMessage": {"textMessage": "hi"}}""");

    assertThat(validation.errors()).extracting(Violation::path, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/messageContact", Code.BAD_PHONE));
  }

  @Test
  void validate_fnw11MembersWithoutRendering_validateAndRoundTrip() {
    String json = """
        {"RCSMessage": {"audioMessage": {"fileUrl": "https://cdn.example.com/v.m4a",
          "fileMIMEType": "audio/mp4", "fileSize": 1200, "fileName": "voice.m4a"}}}""";
    Validation audio = validate(json);
    Validation file = validate("""
        {"RCSMessage": {"fileMessage": {"fileUrl": "https://cdn.example.com/a.jpg",
          "fileMIMEType": "image/jpeg", "fileSize": 52000,
          "thumbnailUrl": "https://cdn.example.com/t.jpg", "thumbnailMIMEType": "image/jpeg",
          "thumbnailFileSize": 2000, "thumbnailFileName": "t.jpg"}}}""");
    Validation location = validate("""
        {"RCSMessage": {"geolocationPushMessage": {"pos": "31.2304 121.4737",
          "timeOffset": 480}}}""");

    for (Validation v : new Validation[] {audio, file, location}) {
      assertThat(v.violations()).isEmpty();
      assertThat(JsonValues.same(CardJson.toTree(v.document()), v.tree())).isTrue();
    }
  }

  @Test
  void validate_timeOffsetBeyondFourteenHours_isOutOfRange() {
    Validation validation = validate("""
        {"RCSMessage": {"geolocationPushMessage": {"pos": "1 2", "timeOffset": 900}}}""");

    assertThat(validation.errors()).extracting(Violation::code)
        .containsExactly(Code.OUT_OF_RANGE);
  }

  @Test
  void validate_imageJpg_isAWarningNotAnError() {
    JsonNode card = Docs.with(Docs.card(),
        "/message/generalPurposeCard/content/media/mediaContentType", "image/jpg");

    Validation validation = Validator.validateTree(card);

    assertThat(validation.valid()).isTrue();
    assertThat(validation.violations()).containsExactly(new Violation(
        "/message/generalPurposeCard/content/media/mediaContentType", Code.BAD_VALUE,
        "mediaContentType 'image/jpg' is read as image/jpeg; send image/jpeg, the registered name",
        Severity.WARNING));
  }

  @Test
  void validate_memberFnw11DoesNotDefine_isStillUnknown() {
    Validation validation = validate("""
        {"messageContact": {"userContact": "+8613800000000", "chatID": "x"},
         "RCSMessage": {"fileMessage": {"fileUrl": "https://cdn.example.com/a.pdf",
          "fileMIMEType": "application/pdf", "fileSize": 1, "thumbnailName": null}}}""");

    assertThat(validation.errors()).extracting(Violation::path, Violation::code)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("/messageContact/chatID", Code.UNKNOWN_FIELD),
            org.assertj.core.groups.Tuple.tuple("/RCSMessage/fileMessage/thumbnailName",
                Code.UNKNOWN_FIELD));
  }
}
