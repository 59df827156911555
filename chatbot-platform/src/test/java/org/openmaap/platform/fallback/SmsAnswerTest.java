package org.openmaap.platform.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.fallback.SmsAnswer.Choice;
import org.openmaap.platform.fallback.SmsAnswer.Keyword;
import org.openmaap.platform.fallback.SmsAnswer.Kind;
import org.openmaap.platform.fallback.SmsAnswer.Text;

class SmsAnswerTest {

  private static final JsonArray CHOICES = new JsonArray()
      .add(choice(1, "Morning", "slot:am"))
      .add(choice(2, "Evening", "slot:pm"))
      .add(choice(3, "Stop", "stop-deliveries"));

  @ParameterizedTest
  @ValueSource(strings = {"2", "2.", "2)", "#2", " 2 ", "#2.", "２", "＃２", "２）", "evening",
      "  EVENING "})
  void numberOrLabel_ofAPendingChoice_isThatChoice(String text) {
    SmsAnswer answer = SmsAnswer.read(text, CHOICES);

    assertThat(answer).isInstanceOf(Choice.class);
    assertThat(((Choice) answer).tapped().getJsonObject("reply").getJsonObject("postback")
        .getString("data")).isEqualTo("slot:pm");
  }

  @ParameterizedTest
  @ValueSource(strings = {"STOP", "stop", " Stop ", "STOPALL", "unsubscribe", "Cancel", "END",
      "quit"})
  void optOutKeywords_winOverAChoiceWithTheSameLabel(String text) {
    assertThat(SmsAnswer.read(text, CHOICES)).isInstanceOfSatisfying(Keyword.class,
        keyword -> assertThat(keyword.kind()).isEqualTo(Kind.OPT_OUT));
  }

  @Test
  void startAndHelp_areKeywords() {
    assertThat(((Keyword) SmsAnswer.read("start", CHOICES)).kind()).isEqualTo(Kind.OPT_IN);
    assertThat(((Keyword) SmsAnswer.read("UNSTOP", null)).kind()).isEqualTo(Kind.OPT_IN);
    assertThat(((Keyword) SmsAnswer.read("help", null)).kind()).isEqualTo(Kind.HELP);
    assertThat(((Keyword) SmsAnswer.read("Info", null)).kind()).isEqualTo(Kind.HELP);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4", "0", "2 please", "22", "stop it", "1, 2"})
  void anythingElse_isFreeTextAsWritten(String text) {
    assertThat(SmsAnswer.read(text, CHOICES)).isEqualTo(new Text(text));
  }

  @Test
  void withoutPendingChoices_numbersAreFreeText() {
    assertThat(SmsAnswer.read("2", null)).isEqualTo(new Text("2"));
  }

  private static JsonObject choice(int number, String label, String data) {
    return new JsonObject().put("number", number).put("displayText", label)
        .put("tapped", new JsonObject().put("reply", new JsonObject()
            .put("displayText", label).put("postback", new JsonObject().put("data", data))));
  }
}
