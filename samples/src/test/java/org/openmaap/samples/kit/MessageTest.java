package org.openmaap.samples.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.samples.kit.Suggestions.calendar;
import static org.openmaap.samples.kit.Suggestions.compose;
import static org.openmaap.samples.kit.Suggestions.dial;
import static org.openmaap.samples.kit.Suggestions.openUrl;
import static org.openmaap.samples.kit.Suggestions.reply;
import static org.openmaap.samples.kit.Suggestions.requestLocation;
import static org.openmaap.samples.kit.Suggestions.showLocation;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.MessageContact;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;

/** The kit's message builders write the GSMA JSON of CARDS.md, and what they build is valid. */
class MessageTest {

  private static final OffsetDateTime TEN = OffsetDateTime.of(2026, 5, 14, 10, 0, 0, 0,
      ZoneOffset.ofHours(8));

  @Test
  void textWithChipsAndSmsText_writesTheRcsMessageMembers() throws Exception {
    Message message = Message.text("Your parcel is on its way.")
        .chips(reply("Track it", "track"), requestLocation("Nearest depot"))
        .smsText("Parcel on its way. 1) Track it 2) Nearest depot");

    JsonNode json = CardJson.readTree(CardJson.write(message.toModel()).getBytes());

    assertThat(json.get("textMessage").asText()).isEqualTo("Your parcel is on its way.");
    assertThat(json.at("/suggestedChipList/suggestions/0/reply/postback/data").asText())
        .isEqualTo("track");
    assertThat(json.at("/suggestedChipList/suggestions/1/action/mapAction")
        .has("requestLocationPush")).isTrue();
    assertThat(json.get("smsBodyText").asText()).startsWith("Parcel on its way.");
    assertThat(json.size()).isEqualTo(3);
  }

  @Test
  void carouselOfCardsWithEveryKindOfSuggestion_isValid() {
    Message carousel = Message.carousel(
        Card.of("Latte", "Double espresso, steamed milk.")
            .buttons(reply("Order", "order:latte"), openUrl("Nutrition", "https://example.com/n"),
                showLocation("Shop", 31.23, 121.47, "People's Square"),
                calendar("Remind me", TEN, TEN.plusMinutes(15), "Pick up", "Counter 2")),
        Card.of("Help", null).buttons(dial("Call us", "+862155550100"),
            compose("Text us", "+862155550100", "Hello")));

    Validation validation = Validator.validate(CardJson.write(
        new SendRequest(new MessageContact("+8613800000001", null), carousel.toModel())));

    assertThat(validation.violations()).isEmpty();
  }

  @Test
  void calendarTimes_haveSecondsAndTheOffset() throws Exception {
    JsonNode json = CardJson.readTree(CardJson.write(Message.text("See you")
        .chips(calendar("Remind me", TEN, TEN.plusMinutes(15), "Pick up", null))
        .toModel()).getBytes());

    assertThat(json.at("/suggestedChipList/suggestions/0/action/calendarAction"
        + "/createCalendarEvent/startTime").asText()).isEqualTo("2026-05-14T10:00:00+08:00");
  }
}
