package org.openmaap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.RunningPlatform;

class PreviewApiTest {

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
  }

  @AfterAll
  static void stop() {
    platform.close();
    vertx.close().await();
  }

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  static Stream<String> invalidCards() {
    List<String> names = new ArrayList<>();
    Fixtures.json("cards/invalid/expected.json").fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  static HttpResponse<Buffer> render(byte[] body) {
    return platform.http.post("/preview/v1/render").putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body)).await();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void render_validFixture_givesHtmlAndTheSameSmsAsTheRenderer(String name) {
    byte[] fixture = Fixtures.bytes("cards/valid/" + name);

    JsonObject answer = render(fixture).bodyAsJsonObject();

    assertThat(answer.getJsonArray("violations")).isEmpty();
    assertThat(answer.getString("html")).startsWith("<div class=\"omp-preview\"");
    String expected = SmsText.render(Validator.validate(fixture).document(),
        SmsOptions.defaults()).text();
    JsonObject sms = answer.getJsonObject("sms");
    assertThat(sms.getString("text")).isEqualTo(expected);
    assertThat(sms.getInteger("segments")).isEqualTo(sms.getJsonArray("parts").size());
    assertThat(sms.getString("encoding")).isEqualTo("GSM-7");
  }

  @ParameterizedTest
  @MethodSource("invalidCards")
  void render_invalidFixture_listsItsViolations(String name) {
    JsonArray expected = Fixtures.json("cards/invalid/expected.json").has(name)
        ? new JsonArray(Fixtures.json("cards/invalid/expected.json").get(name).toString())
        : new JsonArray();

    JsonObject answer = render(Fixtures.bytes("cards/invalid/" + name)).bodyAsJsonObject();

    assertThat(answer.containsKey("html")).isFalse();
    for (Object pair : expected) {
      JsonArray p = (JsonArray) pair;
      assertThat(answer.getJsonArray("violations").stream().map(JsonObject.class::cast))
          .anySatisfy(v -> {
            assertThat(v.getString("path")).isEqualTo(p.getString(0));
            assertThat(v.getString("code")).isEqualTo(p.getString(1));
          });
    }
  }

  @Test
  void render_bareRcsMessageContent_isAcceptedWithPathsIntoIt() {
    JsonObject answer = render("{\"textMessage\": \"\"}".getBytes()).bodyAsJsonObject();

    assertThat(answer.getJsonArray("violations").getJsonObject(0).getString("path"))
        .isEqualTo("/textMessage");
    JsonObject ok = render("{\"textMessage\": \"Hi\"}".getBytes()).bodyAsJsonObject();
    assertThat(ok.getJsonObject("sms").getString("text")).isEqualTo("Hi");
  }

  @Test
  void render_ctcuSend_showsWhatItsMessageListBecomes_withPathsIntoTheList() {
    JsonObject answer = render(("{\"messageList\": [{\"contentType\": \"text/plain\","
        + " \"contentText\": \"Parcel ready\"}]}")
        .getBytes()).bodyAsJsonObject();
    JsonObject bad = render(("{\"messageList\": [{\"contentType\": \"text/html\","
        + " \"contentText\": \"<b>x</b>\"}]}").getBytes()).bodyAsJsonObject();

    assertThat(answer.getJsonArray("violations")).isEmpty();
    assertThat(answer.getString("html")).contains("Parcel ready");
    assertThat(answer.getJsonObject("sms").getString("text")).isEqualTo("Parcel ready");
    assertThat(bad.getJsonArray("violations").getJsonObject(0).getString("path"))
        .isEqualTo("/messageList/0/contentType");
  }

  @Test
  void render_cmccRequest_showsWhatItsBodyTextBecomes_withPathsIntoTheRequest() {
    JsonObject answer = cmcc("multipart/mixed; boundary=\"next\"", "<![CDATA[--next\n"
        + "Content-Type: text/plain\n\nParcel ready\n--next\n"
        + "Content-Type: application/vnd.gsma.botsuggestion.v1.0+json\n\n"
        + "{\"suggestions\": [{\"reply\": {\"displayText\": \"Track\", \"postback\":"
        + " {\"data\": \"t\"}}}]}\n--next--\n]]>");
    JsonObject bad = cmcc("text/html", "<![CDATA[<b>x</b>]]>");

    assertThat(answer.getJsonArray("violations")).isEmpty();
    assertThat(answer.getString("html")).contains("Parcel ready").contains("Track");
    assertThat(answer.getJsonObject("sms").getString("text")).startsWith("Parcel ready")
        .contains("1) Track");
    assertThat(bad.getJsonArray("violations").getJsonObject(0).getString("path"))
        .isEqualTo("/outboundMessageRequest/outboundIMMessage/contentType");
    assertThat(bad.containsKey("html")).isFalse();
  }

  private static JsonObject cmcc(String contentType, String bodyText) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<msg:outboundMessageRequest xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">"
        + "<address>tel:+8613800000000</address><outboundIMMessage>"
        + "<contentType>" + contentType + "</contentType>"
        + "<bodyText>" + bodyText + "</bodyText>"
        + "</outboundIMMessage></msg:outboundMessageRequest>";
    HttpResponse<Buffer> response = platform.http.post("/preview/v1/render")
        .putHeader("Content-Type", "application/xml").sendBuffer(Buffer.buffer(xml)).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  @Test
  void render_malformedJson_isAViolationNotAnError() {
    HttpResponse<Buffer> response = render("{\"textMessage\": ".getBytes());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsJsonObject().getJsonArray("violations").getJsonObject(0)
        .getString("code")).isEqualTo("invalid_json");
  }

  @Test
  void render_tooFast_isRateLimited(@TempDir Path otherDataDir) {
    try (RunningPlatform own = RunningPlatform.start(vertx, RunningPlatform.config(otherDataDir))) {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        statuses.add(own.http.post("/preview/v1/render")
            .sendJsonObject(new JsonObject().put("textMessage", "x")).await().statusCode());
      }

      assertThat(statuses).contains(200, 429);
    }
  }

  @Test
  void pages_areServed() {
    assertThat(platform.http.get("/preview").send().await().bodyAsString())
        .contains("Rich card preview");
    assertThat(platform.http.get("/preview/card.css").send().await().bodyAsString())
        .contains(".omp-card");
    assertThat(platform.http.get("/web/examples/carousel.json").send().await()
        .bodyAsJsonObject().containsKey("RCSMessage")).isTrue();
    assertThat(platform.http.get("/").send().await().bodyAsString())
        .contains("href=\"/preview\"", "href=\"/simulator\"");
    assertThat(platform.http.get("/simulator").send().await().bodyAsString())
        .contains("Phone simulator");
  }
}
