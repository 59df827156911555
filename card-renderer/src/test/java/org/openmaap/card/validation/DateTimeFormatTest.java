package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast date-time reader agrees with {@link OffsetDateTime#parse} on every input. */
class DateTimeFormatTest {

  private static OffsetDateTime reference(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2026-12-01T08:00:00Z", "2026-12-01T08:00:00.5Z", "2026-12-01T08:00:00.123456789+08:00",
      "2026-12-01T08:00:00-00:30", "2026-02-30T08:00:00Z", "2026-12-01T24:00:00Z",
      "2026-12-01T08:00:60Z", "2026-12-01T08:00:00+19:00", "2026-12-01T08:00:00z",
      "2026-12-01T08:00Z", "2026-12-01T08:00:00", "2026-12-01 08:00:00Z", "2026-12-01T08:00:00.Z",
      "2026-12-01T08:00:00.1234567890Z", "+2026-12-01T08:00:00Z", "2026-1-01T08:00:00Z",
      "2024-02-29T23:59:59+14:00", "2023-02-29T00:00:00Z", "tomorrow"})
  void parseDateTime_examples_agreeWithTheJdk(String value) {
    assertThat(Format.parseDateTime(value)).isEqualTo(reference(value));
  }

  @Provide
  Arbitrary<String> dateTimeShapes() {
    Arbitrary<String> two = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
    Arbitrary<String> year = Arbitraries.integers().between(0, 9999)
        .map(i -> String.format("%04d", i));
    Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(11)
        .map(f -> f.isEmpty() ? "" : "." + f);
    Arbitrary<String> zone = Arbitraries.oneOf(Arbitraries.of("Z", "z", "", "+00:00"),
        Combinators.combine(Arbitraries.of("+", "-"), two, two).as((s, h, m) -> s + h + ":" + m));
    return Combinators.combine(year, two, two, two, two, two, fraction, zone)
        .as((y, mo, d, h, mi, s, f, z) -> y + "-" + mo + "-" + d + "T" + h + ":" + mi + ":" + s
            + f + z);
  }

  @Property(tries = 3000)
  void parseDateTime_anyDateTimeShape_agreesWithTheJdk(@ForAll("dateTimeShapes") String value) {
    assertThat(Format.parseDateTime(value)).isEqualTo(reference(value));
  }
}
