package org.openmaap.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void next_isAVersion7UuidThatSortsByTime() {
    Instant now = Instant.parse("2026-11-26T12:00:00.123Z");

    UUID id = UUID.fromString(TimeOrderedIds.next(now));
    String later = TimeOrderedIds.next(now.plusMillis(1));

    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(now.toEpochMilli());
    assertThat(later).isGreaterThan(id.toString());
  }

  @Test
  void next_inTheSameMillisecond_isUnique() {
    Instant now = Instant.now();
    Set<String> ids = new HashSet<>();

    for (int i = 0; i < 100_000; i++) {
      ids.add(TimeOrderedIds.next(now));
    }

    assertThat(ids).hasSize(100_000);
  }
}
