package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A chatbot's persistent menu: the suggestions of a chip list, five to a level, three levels. */
class PersistentMenuTest {

  private static final String REPLY =
      "{\"reply\": {\"displayText\": \"Order\", \"postback\": {\"data\": \"order\"}}}";
  private static final String CALL = "{\"action\": {\"dialerAction\": {\"dialPhoneNumber\": "
      + "{\"phoneNumber\": \"+8613800000000\"}}, \"displayText\": \"Call us\", "
      + "\"postback\": {\"data\": \"call\"}}}";

  private static String menu(String... entries) {
    return "{\"menu\": {\"entries\": [" + String.join(", ", entries) + "]}}";
  }

  private static String submenu(String displayText, String... entries) {
    return "{\"menu\": {\"displayText\": \"" + displayText + "\", \"entries\": ["
        + String.join(", ", entries) + "]}}";
  }

  private static List<String> errorPaths(String json) {
    return Validator.validateMenu(json.getBytes()).errors().stream().map(Violation::path)
        .toList();
  }

  @Test
  void validateMenu_repliesActionsAndTwoLevelsOfSubmenus_isValid() {
    String json = menu(REPLY, CALL, submenu("More", REPLY, submenu("Even more", CALL)));

    Validation validation = Validator.validateMenu(json.getBytes());

    assertThat(validation.violations()).isEmpty();
    assertThat(validation.tree().at("/menu/entries/2/menu/entries/1/menu/displayText").asText())
        .isEqualTo("Even more");
  }

  @Test
  void validateMenu_aThirdLevelOfSubmenus_isTooMany() {
    String json = menu(submenu("One", submenu("Two", submenu("Three", REPLY))));

    Violation v = Validator.validateMenu(json.getBytes()).errors().get(0);

    assertThat(v.path()).isEqualTo("/menu/entries/0/menu/entries/0/menu/entries/0/menu");
    assertThat(v.code()).isEqualTo(Code.TOO_MANY);
  }

  @Test
  void validateMenu_sixEntries_isTooMany_andNoneIsTooFew() {
    assertThat(errorPaths(menu(REPLY, REPLY, REPLY, REPLY, REPLY, REPLY)))
        .containsExactly("/menu/entries");
    assertThat(Validator.validateMenu(menu().getBytes()).errors().get(0).code())
        .isEqualTo(Code.TOO_FEW);
  }

  @Test
  void validateMenu_badSuggestions_pointAtTheBrokenMember() {
    String longLabel = REPLY.replace("Order", "An order of far too many words");
    String badPhone = CALL.replace("+8613800000000", "call me");
    String both = "{\"reply\": {\"displayText\": \"A\", \"postback\": {\"data\": \"a\"}}, "
        + "\"menu\": {\"displayText\": \"B\", \"entries\": [" + REPLY + "]}}";

    assertThat(errorPaths(menu(longLabel, badPhone, submenu("More", both)))).containsExactly(
        "/menu/entries/0/reply/displayText",
        "/menu/entries/1/action/dialerAction/dialPhoneNumber/phoneNumber",
        "/menu/entries/2/menu/entries/0");
  }

  @Test
  void validateMenu_submenuWithoutLabel_andUnknownMembers_areNamed() {
    String unlabelled = "{\"menu\": {\"entries\": [" + REPLY + "]}}";

    List<Violation> errors = Validator.validateMenu(
        ("{\"menu\": {\"entries\": [" + unlabelled + "], \"title\": \"x\"}}").getBytes()).errors();

    assertThat(errors).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
        tuple("/menu/entries/0/menu/displayText", Code.REQUIRED),
        tuple("/menu/title", Code.UNKNOWN_FIELD));
  }

  @Test
  void validateMenu_notJson_isInvalidJson() {
    assertThat(Validator.validateMenu("{\"menu\": ".getBytes()).errors().get(0).code())
        .isEqualTo(Code.INVALID_JSON);
  }
}
