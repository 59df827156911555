package org.openmaap.platform.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.store.SmsPartRow;

class SmsPartsTest {

  @Test
  void of_everyPartDelivered_isAllDelivered() {
    SmsParts parts = SmsParts.of("bot", "m1", List.of(part("a", "DELIVRD", "000"),
        part("b", "DELIVRD", "000")));

    assertThat(parts).isEqualTo(new SmsParts("bot", "m1", 2, 2, null, null));
    assertThat(parts.allDelivered()).isTrue();
  }

  @Test
  void of_partsWithoutReceipts_isNeitherDeliveredNorFailed() {
    SmsParts parts = SmsParts.of("bot", "m1", List.of(part("a", "DELIVRD", "000"),
        part("b", null, null)));

    assertThat(parts).isEqualTo(new SmsParts("bot", "m1", 2, 1, null, null));
    assertThat(parts.allDelivered()).isFalse();
  }

  @Test
  void of_severalFailingParts_answersTheFirstInTheOrderRecorded() {
    SmsParts parts = SmsParts.of("bot", "m1", List.of(part("a", "DELIVRD", "000"),
        part("b", "UNDELIV", "011"), part("c", "EXPIRED", "000")));

    assertThat(parts).isEqualTo(new SmsParts("bot", "m1", 3, 1, "UNDELIV", "011"));
    assertThat(parts.allDelivered()).isFalse();
  }

  @Test
  void of_noPartRecorded_isNotAllDelivered() {
    SmsParts parts = SmsParts.of("bot", "m1", List.of());

    assertThat(parts).isEqualTo(new SmsParts("bot", "m1", 0, 0, null, null));
    assertThat(parts.allDelivered()).isFalse();
  }

  private static SmsPartRow part(String smscId, String stat, String err) {
    return new SmsPartRow("bot", "m1", smscId, stat, err);
  }
}
