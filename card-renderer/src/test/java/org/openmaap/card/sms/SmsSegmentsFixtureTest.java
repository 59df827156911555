package org.openmaap.card.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SmsSegmentsFixtureTest {
  private static final String FIXTURE = "/fixtures/sms-segments.tsv";

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void split_publicVector_matchesExpectedSegments(
      String name, String text, String encoding, int segments, String units) {
    Segmentation result = SmsSegments.split(text);

    assertThat(result.encoding().label()).isEqualTo(encoding);
    assertThat(result.count()).isEqualTo(segments);
    assertThat(result.units().stream().map(String::valueOf).collect(Collectors.joining("+")))
        .isEqualTo(units);
    assertThat(result.segments().stream().map(Segment::text).collect(Collectors.joining()))
        .isEqualTo(text);
  }

  static Stream<Arguments> vectors() throws IOException {
    List<String[]> rows = readRows();
    assertThat(rows).as("vectors in " + FIXTURE).isNotEmpty();
    return rows.stream().map(row -> Arguments.of(
        row[0],
        new String(Base64.getDecoder().decode(row[1]), StandardCharsets.UTF_8),
        row[2],
        Integer.parseInt(row[3]),
        row[4]));
  }

  private static String[] columns(String line) {
    String[] row = line.split("\t", -1);
    if (row.length != 5) {
      throw new IllegalStateException("expected 5 tab-separated columns in: " + line);
    }
    return row;
  }

  private static List<String[]> readRows() throws IOException {
    try (InputStream in = Objects.requireNonNull(
            SmsSegmentsFixtureTest.class.getResourceAsStream(FIXTURE), FIXTURE + " is missing");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .map(SmsSegmentsFixtureTest::columns)
          .toList();
    }
  }
}
