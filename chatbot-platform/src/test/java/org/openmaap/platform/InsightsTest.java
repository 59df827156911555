package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Insights end to end: messages to a WebSocket device that reports them delivered or read, to an
 * SMS-only number through the embedded SMSC, and a user's message and chip tap, counted by hour
 * on the Chatbot API and, across bots, on the admin API.
 */
class InsightsTest {

  private static final String RCS_USER = "+8613800000301";
  private static final String SMS_USER = "+8613900000301";
  private static final Duration WITHIN = Duration.ofSeconds(10);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;
  /** The hour the platform's clock is in for the whole test: it starts 20 minutes into it. */
  private Instant hour;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    Instant now = Instant.now();
    hour = now.truncatedTo(ChronoUnit.HOURS);
    Clock midHour = Clock.offset(Clock.systemUTC(),
        Duration.between(now, hour.plus(20, ChronoUnit.MINUTES)));
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir), midHour);
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register("shop", bot.url()));
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void botInsights_countDeliveryReadFallbackAndResponses_inTheirHour() {
    try (TestDevice phone = platform.device(RCS_USER)) {
      String read = send("shop", token, RCS_USER);
      String delivered = send("shop", token, RCS_USER);
      String bySms = send("shop", token, SMS_USER);
      phone.next("message");
      phone.next("message");
      phone.send(new JsonObject().put("type", "displayed").put("msgId", read));
      phone.send(new JsonObject().put("type", "delivered").put("msgId", delivered));
      phone.send(new JsonObject("""
          {"type": "message", "to": "shop", "RCSMessage": {"textMessage": "hi"}}"""));
      phone.send(new JsonObject("""
          {"type": "message", "to": "shop", "RCSMessage": {"suggestedResponse": {"response":
            {"reply": {"displayText": "Yes", "postback": {"data": "yes"}}}}}}"""));
      awaitStatus("shop", token, read, "displayed");
      awaitStatus("shop", token, delivered, "delivered");
      awaitStatus("shop", token, bySms, "deliveredAsSms");
      bot.next("message");
      bot.next("response");

      HttpResponse<Buffer> answer = platform.request(HttpMethod.GET, "/bot/v1/shop/insights"
              + range(hour.minus(1, ChronoUnit.HOURS), hour.plus(2, ChronoUnit.HOURS)))
          .bearerTokenAuthentication(token).send().await();

      assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
      JsonObject insights = answer.bodyAsJsonObject();
      assertThat(insights.getString("botId")).isEqualTo("shop");
      assertThat(insights.getString("from")).isEqualTo(hour.minus(1, ChronoUnit.HOURS).toString());
      JsonObject totals = insights.getJsonObject("totals");
      assertThat(totals.getLong("sent")).isEqualTo(3);
      assertThat(totals.getJsonObject("byChannel").getMap())
          .isEqualTo(Map.of("rcs", 2, "sms", 1));
      assertThat(totals.getLong("delivered")).isEqualTo(3);
      assertThat(totals.getLong("displayed")).isEqualTo(1);
      assertThat(totals.getLong("failed")).isZero();
      assertThat(totals.getLong("fallback")).isEqualTo(1);
      assertThat(totals.getLong("received")).isEqualTo(2);
      assertThat(totals.getLong("responses")).isEqualTo(1);
      assertThat(totals.getDouble("deliveryRate")).isEqualTo(1.0);
      assertThat(totals.getDouble("readRate")).isEqualTo(0.5);
      assertThat(totals.getDouble("fallbackRate")).isEqualTo(0.3333);
      assertThat(totals.getDouble("responseRate")).isEqualTo(0.3333);
      JsonArray hours = insights.getJsonArray("hours");
      assertThat(hours).hasSize(3);
      assertThat(hours.getJsonObject(1).getString("hour")).isEqualTo(hour.toString());
      assertThat(withoutHour(hours.getJsonObject(1))).isEqualTo(totals);
      assertThat(hours.getJsonObject(0).getLong("sent")).isZero();
      assertThat(hours.getJsonObject(2).getLong("received")).isZero();
    }
  }

  @Test
  void adminInsights_sumEveryBot_listEach_andNarrowToOne() {
    String newsToken = platform.token(platform.register("news", bot.url()));
    String fromShop = send("shop", token, SMS_USER);
    String fromNews = send("news", newsToken, "+8613900000302");
    String alsoNews = send("news", newsToken, "+8613900000303");
    awaitStatus("shop", token, fromShop, "deliveredAsSms");
    awaitStatus("news", newsToken, fromNews, "deliveredAsSms");
    awaitStatus("news", newsToken, alsoNews, "deliveredAsSms");
    String day = range(hour, hour.plus(1, ChronoUnit.DAYS));

    JsonObject all = platform.admin(HttpMethod.GET, "/admin/v1/insights" + day).send().await()
        .bodyAsJsonObject();
    JsonObject news = platform.admin(HttpMethod.GET, "/admin/v1/insights" + day + "&botId=news")
        .send().await().bodyAsJsonObject();
    HttpResponse<Buffer> nobody = platform.admin(HttpMethod.GET,
        "/admin/v1/insights" + day + "&botId=nobody").send().await();

    assertThat(all.containsKey("botId")).isFalse();
    assertThat(all.getJsonObject("totals").getLong("sent")).isEqualTo(3);
    assertThat(all.getJsonObject("totals").getDouble("fallbackRate")).isEqualTo(1.0);
    assertThat(all.getJsonArray("hours")).hasSize(24);
    assertThat(all.getJsonArray("hours").getJsonObject(0).getLong("sent")).isEqualTo(3);
    List<JsonObject> bots = all.getJsonArray("bots").stream().map(JsonObject.class::cast)
        .toList();
    assertThat(bots).extracting(b -> b.getString("botId")).containsExactly("news", "shop");
    assertThat(bots).extracting(b -> b.getLong("sent")).containsExactly(2L, 1L);
    assertThat(news.getString("botId")).isEqualTo("news");
    assertThat(news.getJsonObject("totals").getLong("sent")).isEqualTo(2);
    assertThat(news.getJsonObject("totals").getLong("delivered")).isEqualTo(2);
    assertThat(nobody.statusCode()).isEqualTo(404);
  }

  @Test
  void emptyRange_answersZeros_withEveryHourPresent_andDefaultsToTheLastDay() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");

    JsonObject empty = insights(range(from, from.plus(1, ChronoUnit.DAYS))).bodyAsJsonObject();
    JsonObject lastDay = insights("").bodyAsJsonObject();

    JsonArray hours = empty.getJsonArray("hours");
    assertThat(hours).hasSize(24);
    for (int i = 0; i < hours.size(); i++) {
      JsonObject hour = hours.getJsonObject(i);
      assertThat(hour.getString("hour")).isEqualTo(from.plus(i, ChronoUnit.HOURS).toString());
      assertThat(withoutHour(hour)).isEqualTo(empty.getJsonObject("totals"));
    }
    assertThat(empty.getJsonObject("totals").getLong("sent")).isZero();
    assertThat(empty.getJsonObject("totals").getDouble("deliveryRate")).isZero();
    assertThat(empty.getJsonObject("totals").getDouble("readRate")).isZero();
    Instant to = Instant.parse(lastDay.getString("to"));
    assertThat(Instant.parse(lastDay.getString("from"))).isEqualTo(to.minus(1, ChronoUnit.DAYS));
    // The platform's clock is 20 minutes and more into an hour: the day ends in a part of one.
    assertThat(lastDay.getJsonArray("hours")).hasSize(25);
    assertThat(lastDay.getJsonArray("hours").getJsonObject(24).getString("hour"))
        .isEqualTo(hour.toString());
  }

  @Test
  void badParameters_are400sNamingTheParameter() {
    assertBadValue(insights("?from=yesterday"), "from");
    assertBadValue(insights("?to=2026-13-01T00:00:00Z"), "to");
    assertBadValue(insights("?from=2026-12-07T10:00:00Z&to=2026-12-07T10:00:00Z"),
        "from must be before to");
    assertBadValue(insights("?from=2026-11-01T00:00:00Z&to=2026-12-02T00:00:01Z"), "31 days");
    assertBadValue(insights("?from=1969-12-31T23:00:00Z&to=1970-01-01T01:00:00Z"), "from");
    assertBadValue(insights("?from=2026-12-07T10:00:00Z&from=2026-12-07T11:00:00Z"), "from");
    assertBadValue(platform.admin(HttpMethod.GET, "/admin/v1/insights?botId=").send().await(),
        "botId");
    assertBadValue(platform.admin(HttpMethod.GET, "/admin/v1/insights?to=soon").send().await(),
        "to");
  }

  @Test
  void anotherBotsInsights_are403_andNoToken401() {
    String other = platform.token(platform.register("other", bot.url()));

    HttpResponse<Buffer> foreign = platform.request(HttpMethod.GET, "/bot/v1/shop/insights")
        .bearerTokenAuthentication(other).send().await();
    HttpResponse<Buffer> anonymous = platform.request(HttpMethod.GET, "/bot/v1/shop/insights")
        .send().await();
    HttpResponse<Buffer> botOnAdmin = platform.request(HttpMethod.GET, "/admin/v1/insights")
        .bearerTokenAuthentication(token).send().await();

    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(botOnAdmin.statusCode()).isEqualTo(401);
  }

  // --- fixtures ---------------------------------------------------------------------------------

  private String send(String botId, String botToken, String user) {
    HttpResponse<Buffer> sent = platform.send(botId, botToken, new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", user))
        .put("RCSMessage", new JsonObject().put("textMessage", "Your order has shipped")
            .put("suggestedChipList", new JsonObject().put("suggestions", new JsonArray()
                .add(new JsonObject().put("reply", new JsonObject().put("displayText", "Yes")
                    .put("postback", new JsonObject().put("data", "yes"))))))));
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
    return sent.bodyAsJsonObject().getJsonObject("RCSMessage").getString("msgId");
  }

  private void awaitStatus(String botId, String botToken, String msgId, String status) {
    Eventually.until(() -> platform.request(HttpMethod.GET,
                "/bot/v1/" + botId + "/messages/" + msgId + "/status")
            .bearerTokenAuthentication(botToken).send().await().bodyAsJsonObject()
            .getJsonObject("RCSMessage").getString("status"),
        status::equals, WITHIN);
  }

  private HttpResponse<Buffer> insights(String query) {
    return platform.request(HttpMethod.GET, "/bot/v1/shop/insights" + query)
        .bearerTokenAuthentication(token).send().await();
  }

  private static String range(Instant from, Instant to) {
    return "?from=" + from + "&to=" + to;
  }

  private static JsonObject withoutHour(JsonObject hour) {
    JsonObject copy = hour.copy();
    copy.remove("hour");
    return copy;
  }

  private static void assertBadValue(HttpResponse<Buffer> answer, String naming) {
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(400);
    JsonObject error = answer.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("bad_value");
    assertThat(error.getString("message")).contains(naming);
  }
}
