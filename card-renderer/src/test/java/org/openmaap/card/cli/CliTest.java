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

  @Test
  void renderSms_validFixture_printsTheFallbackText() {
    Run run = cli("render", "--format", "sms",
        Fixtures.file("cards/valid/text-with-chips.json").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(Fixtures.text("../sms-golden/text-with-chips.txt"));
  }

  @Test
  void renderSms_signatureAndBudget_areApplied() {
    byte[] doc = "{\"RCSMessage\": {\"textMessage\": \"Hi\"}}".getBytes(StandardCharsets.UTF_8);

    Run run = cli(new ByteArrayInputStream(doc), "render", "--format", "sms", "--budget", "1",
        "--signature", "-- Bot", "-");

    assertThat(run.out()).isEqualTo("Hi\n-- Bot\n");
  }

  @Test
  void renderHtml_validFixture_printsTheFragment() {
    Run run = cli("render", "--format", "html",
        Fixtures.file("cards/valid/single-card.json").toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("<div class=\"omp-preview\"").contains("Caff\u00e8 latte");
  }

  @Test
  void render_invalidDocument_exitsOneWithViolationsOnStandardError() {
    Run run = cli("render", "--format", "html",
        Fixtures.file("cards/invalid/title-too-long.json").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("\"code\":\"too_long\"");
  }

  @Test
  void ctcuSend_isValidatedAndRenderedLikeTheGsmaMessageItStandsFor() {
    byte[] send = ("{\"messageList\": [{\"contentType\": \"text/plain\", \"contentText\":"
        + " \"Hi\"}, {\"contentType\": \"application/vnd.gsma.botsuggestion.v1.0+json\","
        + " \"contentText\": {\"suggestions\": [{\"reply\": {\"displayText\": \"Yes\","
        + " \"postback\": {\"data\": \"y\"}}}]}}]}").getBytes(StandardCharsets.UTF_8);
    byte[] bad = ("{\"messageList\": [{\"contentType\": \"text/plain\", \"contentText\":"
        + " \"\"}]}").getBytes(StandardCharsets.UTF_8);

    Run valid = cli(new ByteArrayInputStream(send), "validate", "-");
    Run sms = cli(new ByteArrayInputStream(send), "render", "--format", "sms", "-");
    Run invalid = cli(new ByteArrayInputStream(bad), "validate", "-");

    assertThat(valid.exit()).as(valid.out()).isZero();
    assertThat(sms.out()).isEqualTo("Hi\n1) Yes\nReply with a number.\n");
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.lines()).singleElement().satisfies(line ->
        assertThat(line.get("path").asText()).isEqualTo("/messageList/0/contentText"));
  }

  @Test
  void cmccRequest_isValidatedAndRenderedLikeTheGsmaMessageItStandsFor() {
    String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<msg:outboundMessageRequest xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">\n"
        + "  <address>tel:+8613800000000</address>\n"
        + "  <outboundIMMessage>\n"
        + "    <contentType>multipart/mixed; boundary=\"next\"</contentType>\n"
        + "    <bodyText><![CDATA[--next\r\nContent-Type: text/plain\r\n\r\nHi\r\n--next\r\n"
        + "Content-Type: application/vnd.gsma.botsuggestion.v1.0+json\r\n\r\n"
        + "{\"suggestions\": [{\"reply\": {\"displayText\": \"Yes\","
        + " \"postback\": {\"data\": \"y\"}}}]}\r\n--next--\r\n]]></bodyText>\n"
        + "  </outboundIMMessage>\n"
        + "</msg:outboundMessageRequest>\n";
    byte[] send = request.getBytes(StandardCharsets.UTF_8);
    byte[] bad = request.replace("text/plain", "text/html").getBytes(StandardCharsets.UTF_8);

    Run valid = cli(new ByteArrayInputStream(send), "validate", "-");
    Run sms = cli(new ByteArrayInputStream(send), "render", "--format", "sms", "-");
    Run invalid = cli(new ByteArrayInputStream(bad), "validate", "-");

    assertThat(valid.exit()).as(valid.out() + valid.err()).isZero();
    assertThat(sms.out()).isEqualTo("Hi\n1) Yes\nReply with a number.\n");
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.lines()).singleElement().satisfies(line ->
        assertThat(line.get("path").asText())
            .isEqualTo("/outboundMessageRequest/outboundIMMessage/bodyText/part[1]"));
  }

  @Test
  void render_unknownFormat_isAUsageError() {
    assertThat(cli("render", "--format", "pdf", "x.json").exit()).isEqualTo(2);
  }

  @Test
  void preview_validFixture_writesAPageWithPhoneSmsAndNoViolations(@org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws IOException {
    java.nio.file.Path out = dir.resolve("sub/out.html");

    Run run = cli("preview", Fixtures.file("cards/valid/carousel.json").toString(), "-o",
        out.toString());

    assertThat(run.exit()).isZero();
    String page = java.nio.file.Files.readString(out);
    assertThat(page).startsWith("<!doctype html>").contains("id=\"phone\"", "omp-carousel",
        "SMS fallback", "GSM-7", "1) Pick 08:00", "None: the document is valid.");
  }

  @Test
  void preview_invalidDocument_stillWritesThePageWithTheViolations(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path out = dir.resolve("out.html");

    Run run = cli("preview", Fixtures.file("cards/invalid/five-suggestions.json").toString(), "-o",
        out.toString());

    assertThat(run.exit()).isEqualTo(1);
    String page = java.nio.file.Files.readString(out);
    assertThat(page).contains("Not rendered", "too_many",
        "/message/generalPurposeCard/content/suggestions").doesNotContain("SMS fallback");
  }
}
