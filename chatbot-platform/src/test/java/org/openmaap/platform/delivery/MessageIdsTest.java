package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void next_isAVersion7UuidThatSortsByTime() {
    Instant now = Instant.parse("2026-11-26T12:00:00.123Z");

    UUID id = UUID.fromString(MessageIds.next(now));
    String later = MessageIds.next(now.plusMillis(1));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    assertThat(later).isGreaterThan(id.toString());
  }
}
