package org.openmaap.card.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;

class CliTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exit, String out, String err) {
    List<JsonNode> lines() {
      return out.lines().map(line -> {
        try {
          return JSON.readTree(line);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).toList();
    }
  }

  static Run cli(InputStream in, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = CardCli.run(args, in, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run cli(String... args) {
    return cli(InputStream.nullInputStream(), args);
  }

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  static Stream<String> invalidCards() {
    List<String> names = new ArrayList<>();
    Fixtures.json("cards/invalid/expected.json").fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void validate_validFixture_exitsZeroWithNoErrorLines(String name) {
    Run run = cli("validate", Fixtures.file("cards/valid/" + name).toString());

    assertThat(run.exit()).isZero();
    assertThat(run.lines()).noneMatch(line -> line.path("severity").asText().equals("error"));
    assertThat(run.err()).contains("valid (0 errors");
  }

  @ParameterizedTest
  @MethodSource("invalidCards")
  void validate_invalidFixture_exitsOneWithTheExpectedLines(String name) {
    JsonNode expected = Fixtures.json("cards/invalid/expected.json").get(name);

    Run run = cli("validate", Fixtures.file("cards/invalid/" + name).toString());

    assertThat(run.exit()).isEqualTo(1);
    for (JsonNode pair : expected) {
      assertThat(run.lines()).anySatisfy(line -> {
        assertThat(line.get("path").asText()).isEqualTo(pair.get(0).asText());
        assertThat(line.get("code").asText()).isEqualTo(pair.get(1).asText());
        assertThat(line.get("severity").asText()).isEqualTo("error");
        assertThat(line.get("message").asText()).isNotBlank();
      });
    }
  }

  @Test
  void validate_dash_readsStandardInput() {
    byte[] doc = "{\"RCSMessage\": {\"textMessage\": \"\"}}".getBytes(StandardCharsets.UTF_8);

    Run run = cli(new ByteArrayInputStream(doc), "validate", "-");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines()).singleElement().satisfies(line -> {
      assertThat(line.get("path").asText()).isEqualTo("/RCSMessage/textMessage");
      assertThat(line.get("code").asText()).isEqualTo("too_short");
    });
  }

  @Test
  void validate_malformedJson_exitsOneWithInvalidJson() {
    byte[] doc = "{\"RCSMessage\": ".getBytes(StandardCharsets.UTF_8);

    Run run = cli(new ByteArrayInputStream(doc), "validate", "-");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.lines()).singleElement()
        .satisfies(line -> assertThat(line.get("code").asText()).isEqualTo("invalid_json"));
  }

  @Test
  void validate_missingFile_exitsTwo() {
    Run run = cli("validate", "/no/such/card.json");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no such file: /no/such/card.json");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void validate_noFileArgument_isAUsageError() {
    Run run = cli("validate");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter");
  }

  @Test
  void unknownCommand_isAUsageError() {
    assertThat(cli("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void segments_text_printsEncodingSegmentsAndUnits() {
    Run run = cli("segments", "a".repeat(161));

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip())
        .isEqualTo("{\"encoding\":\"GSM-7\",\"segments\":2,\"units\":[153,8]}");
  }

  @Test
  void segments_dash_readsStandardInputAsUtf8() {
    byte[] text = "\u00e7a va?".getBytes(StandardCharsets.UTF_8);

    Run run = cli(new ByteArrayInputStream(text), "segments", "-");

    assertThat(run.out().strip())
        .isEqualTo("{\"encoding\":\"UCS-2\",\"segments\":1,\"units\":[6]}");
  }
}
