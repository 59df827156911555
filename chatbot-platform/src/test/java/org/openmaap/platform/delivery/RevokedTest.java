package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.MessageRow.Direction;

class RevokedTest {

  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @ParameterizedTest(name = "{0} on {1}: dropped {2}")
  @CsvSource({
      "cancelled,          rcs, true",
      "failed,             rcs, true",
      "failed,             sms, true",
      "pending,            sms, true",
      "deliveredToNetwork, sms, true",
      "deliveredAsSms,     sms, true",
      "pending,            rcs, false",
      "sent,               rcs, false",
      "delivered,          rcs, false",
      "displayed,          rcs, false",
  })
  void mustDrop_messageWrittenToTheDevice_whenCancelledFailedOrOnSms(String status,
      String channel, boolean dropped) {
    MessageRow message = written("m1", status, channel);

    boolean answer = Revoked.mustDrop(message);

    assertThat(answer).isEqualTo(dropped);
    assertThat(!answer || Revoked.STATUSES.contains(status))
        .as("a status that may be dropped is one the store is asked for").isTrue();
  }

  @Test
  void of_mixedMessages_answersThoseToDropInTheOrderGiven() {
    List<MessageRow> written = List.of(written("a", "failed", "sms"),
        written("b", "sent", "rcs"), written("c", "cancelled", "rcs"),
        written("d", "pending", "rcs"), written("e", "deliveredAsSms", "sms"));

    List<MessageRow> dropped = Revoked.of(written);

    assertThat(dropped).extracting(MessageRow::msgId).containsExactly("a", "c", "e");
  }

  private static MessageRow written(String msgId, String status, String channel) {
    return new MessageRow("bot", msgId, Direction.BOT_TO_USER, "+8613800000001", "conv", null,
        null, "{}", null, status, channel, null, null, T0, T0);
  }
}
