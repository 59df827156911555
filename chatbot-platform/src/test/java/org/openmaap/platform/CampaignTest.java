package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;

/**
 * Campaigns end to end: created over HTTP, sent as work rows at their rate to WebSocket devices
 * and, through the embedded SMSC, to SMS-only numbers; paused, resumed and cancelled.
 */
class CampaignTest {

  private static final String RCS_1 = "+8613800000201";
  private static final String RCS_2 = "+8613800000202";
  private static final String SMS_1 = "+8613900000201";
  private static final String SMS_2 = "+8613900000202";
  private static final Duration WITHIN = Duration.ofSeconds(10);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
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
  void campaign_toDevicesAndSmsNumbers_completesWithEachRecipientGettingOneFilledMessage() {
    try (TestDevice one = platform.device(RCS_1); TestDevice two = platform.device(RCS_2)) {
      JsonObject body = campaign(recipient(RCS_1, "Li"), recipient(SMS_1, "Wang"),
          recipient(RCS_2, "Zhao"), recipient("tel:" + SMS_1, "Again"),
          recipient("not-a-number", "Nobody"), recipient(SMS_2, "Chen"));

      HttpResponse<Buffer> created = create(body);

      assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
      JsonObject answer = created.bodyAsJsonObject();
      assertThat(answer.getString("status")).isEqualTo("running");
      assertThat(answer.getInteger("recipients")).isEqualTo(4);
      assertThat(answer.getInteger("skipped_duplicate")).isEqualTo(1);
      assertThat(answer.getJsonArray("rejected")).hasSize(1);
      assertThat(answer.getJsonArray("rejected").getJsonObject(0).getInteger("index"))
          .isEqualTo(4);
      String id = answer.getString("campaignId");
      JsonObject done = awaitStatus(id, "completed");
      assertThat(done.getInteger("handedOn")).isEqualTo(4);
      assertThat(done.getJsonObject("counts").getMap()).containsEntry("pending", 0)
          .containsEntry("failed", 0)
          .containsEntry("skipped_duplicate", 1).containsEntry("skipped_invalid", 1);
      assertChannels(id, 2, 2);
      assertThat(done.getString("startedAt")).isNotNull();
      assertThat(done.getString("completedAt")).isNotNull();
      JsonObject toLi = one.next("message");
      assertThat(text(toLi)).isEqualTo("Hello Li, 20% off today");
      assertThat(text(two.next("message"))).isEqualTo("Hello Zhao, 20% off today");
      // Delivery statuses keep updating the counts after the campaign completed.
      one.send(new JsonObject().put("type", "displayed").put("msgId", toLi.getString("msgId")));
      JsonObject reported = Eventually.until(() -> counts(id),
          counts -> counts.getInteger("displayed") == 1
              && counts.getInteger("deliveredToNetwork")
                  + counts.getInteger("deliveredAsSms") == 2, WITHIN);
      assertThat(reported.getInteger("sent") + reported.getInteger("delivered")).isEqualTo(1);
      assertThat(outcomes(reported)).isEqualTo(6);
      assertThat(smsTexts(SMS_1)).containsExactly("Hello Wang, 20% off today");
      assertThat(smsTexts(SMS_2)).containsExactly("Hello Chen, 20% off today");
      assertThat(one.noneWithin("message", Duration.ofMillis(500))).isTrue();
      assertThat(two.noneWithin("message", Duration.ofMillis(100))).isTrue();
      assertThat(smsc().inbox(SMS_1)).hasSize(1);
    }
  }

  @Test
  void recipientLackingAVariable_failsWithAReason_andTheOthersAreSent() {
    JsonObject body = campaign(recipient(SMS_1, "Wang"),
        new JsonObject().put("userContact", SMS_2).put("vars", new JsonObject()));

    String id = create(body).bodyAsJsonObject().getString("campaignId");

    JsonObject done = awaitStatus(id, "completed");
    assertThat(done.getInteger("handedOn")).isEqualTo(2);
    assertChannels(id, 0, 1);
    assertThat(done.getJsonObject("counts").getInteger("failed")).isEqualTo(1);
    assertThat(smsTexts(SMS_1)).containsExactly("Hello Wang, 20% off today");
    assertThat(smsc().inbox(SMS_2)).isEmpty();
  }

  @Test
  void recipientWhoseFilledMessageIsInvalid_failsWithTheViolation() {
    JsonObject body = campaign(new JsonObject().put("userContact", SMS_1)
            .put("vars", new JsonObject().put("greeting", "Hi Wang")),
        new JsonObject().put("userContact", SMS_2)
            .put("vars", new JsonObject().put("greeting", "")));
    body.getJsonObject("message").put("textMessage", "{{greeting}}");

    String id = create(body).bodyAsJsonObject().getString("campaignId");

    JsonObject done = awaitStatus(id, "completed");
    assertChannels(id, 0, 1);
    assertThat(done.getJsonObject("counts").getInteger("failed")).isEqualTo(1);
    assertThat(smsTexts(SMS_1)).containsExactly("Hi Wang");
    assertThat(smsc().inbox(SMS_2)).isEmpty();
  }

  @Test
  void startAt_inTheFuture_isScheduled_thenRuns() {
    JsonObject body = campaign(recipient(SMS_1, "Wang"))
        .put("startAt", Instant.now().plusMillis(1500).toString());

    JsonObject created = create(body).bodyAsJsonObject();
    String id = created.getString("campaignId");

    assertThat(created.getString("status")).isEqualTo("scheduled");
    assertThat(get(id).bodyAsJsonObject().getJsonObject("counts").getInteger("pending"))
        .isEqualTo(1);
    assertThat(awaitStatus(id, "completed").getInteger("handedOn")).isEqualTo(1);
    assertChannels(id, 0, 1);
    assertThat(smsTexts(SMS_1)).containsExactly("Hello Wang, 20% off today");
  }

  @Test
  void placeholderNoRecipientCanFill_isA400() {
    JsonObject body = campaign(recipient(SMS_1, "Wang"));
    body.getJsonObject("message").put("textMessage", "Hello {{name}}, your code is {{code}}");

    HttpResponse<Buffer> refused = create(body);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsString()).contains("code");
  }

  @Test
  void tenThousandRecipients_inABodyLargerThanAMessagesLimit_areAccepted() {
    JsonArray many = new JsonArray(IntStream.range(0, 10_000)
        .mapToObj(i -> recipient("+86139" + String.format("%08d", i), "User number " + i))
        .toList());
    JsonObject body = campaign().put("recipients", many).put("startAt", "2030-01-01T00:00:00Z");
    assertThat(body.encode().length()).isGreaterThan(PlatformConfig.DEFAULT_MAX_BODY_BYTES);

    HttpResponse<Buffer> created = create(body);

    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("status")).isEqualTo("scheduled");
    assertThat(created.bodyAsJsonObject().getInteger("recipients")).isEqualTo(10_000);
    String id = created.bodyAsJsonObject().getString("campaignId");
    assertThat(counts(id).getInteger("pending")).isEqualTo(10_000);
  }

  @Test
  void badRequests_areClear4xx() {
    JsonArray many = new JsonArray(IntStream.range(0, 10_001)
        .mapToObj(i -> recipient("+86139" + String.format("%08d", i), "U" + i)).toList());
    JsonObject tooMany = campaign().put("recipients", many);

    assertThat(create(tooMany).statusCode()).isEqualTo(400);
    assertThat(create(new JsonObject().put("name", "x")).statusCode()).isEqualTo(400);
    assertThat(create(campaign().put("ratePerSecond", 0)).statusCode()).isEqualTo(400);
    assertThat(create(campaign().put("startAt", "tomorrow")).statusCode()).isEqualTo(400);
    assertThat(get("no-such-campaign").statusCode()).isEqualTo(404);
    assertThat(act("no-such-campaign", "start").statusCode()).isEqualTo(404);
  }

  @Test
  void anotherBotsCampaign_is403() {
    String id = create(campaign()).bodyAsJsonObject().getString("campaignId");
    String other = platform.token(platform.register("other", bot.url()));

    HttpResponse<Buffer> read = platform.request(HttpMethod.GET,
        "/bot/v1/other/campaigns/" + id).bearerTokenAuthentication(other).send().await();
    HttpResponse<Buffer> cancel = platform.request(HttpMethod.POST,
        "/bot/v1/other/campaigns/" + id + ":cancel").bearerTokenAuthentication(other).send()
        .await();

    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(cancel.statusCode()).isEqualTo(403);
    assertThat(get(id).bodyAsJsonObject().getString("status")).isEqualTo("draft");
  }

  @Test
  void draft_startsOnlyWhenStarted_andAnEmptyOneCompletes() {
    HttpResponse<Buffer> created = create(campaign());
    String id = created.bodyAsJsonObject().getString("campaignId");

    assertThat(created.bodyAsJsonObject().getString("status")).isEqualTo("draft");
    assertThat(act(id, "resume").statusCode()).isEqualTo(409);
    HttpResponse<Buffer> started = act(id, "start");
    assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    assertThat(awaitStatus(id, "completed").getInteger("recipients")).isZero();
    assertThat(act(id, "start").statusCode()).isEqualTo(409);
  }

  @Test
  void pause_stopsSendingWithinASecond_resumeGoesOn_cancelCancelsTheRest() {
    List<JsonObject> list = IntStream.range(0, 40)
        .mapToObj(i -> recipient("+86139000003" + String.format("%02d", i), "U" + i)).toList();
    JsonObject body = campaign(list.toArray(JsonObject[]::new)).put("ratePerSecond", 8);
    String id = create(body).bodyAsJsonObject().getString("campaignId");
    Eventually.until(() -> handedOn(id), sent -> sent >= 3, WITHIN);

    HttpResponse<Buffer> paused = act(id, "pause");
    assertThat(paused.statusCode()).as(paused.bodyAsString()).isEqualTo(200);
    assertThat(paused.bodyAsJsonObject().getString("status")).isEqualTo("paused");
    sleep(Duration.ofSeconds(1));
    int sentWhilePaused = handedOn(id);
    sleep(Duration.ofMillis(700));
    assertThat(handedOn(id)).isEqualTo(sentWhilePaused);
    assertThat(sentWhilePaused).isLessThan(40);

    assertThat(act(id, "resume").bodyAsJsonObject().getString("status")).isEqualTo("running");
    Eventually.until(() -> handedOn(id), sent -> sent >= sentWhilePaused + 2, WITHIN);
    HttpResponse<Buffer> cancelled = act(id, "cancel");

    assertThat(cancelled.bodyAsJsonObject().getString("status")).isEqualTo("cancelled");
    sleep(Duration.ofMillis(500));
    JsonObject counts = counts(id);
    int sent = handedOn(id);
    assertThat(sent).isGreaterThanOrEqualTo(sentWhilePaused + 2);
    assertThat(counts.getInteger("cancelled")).isPositive();
    assertThat(sent + counts.getInteger("cancelled")).isEqualTo(40);
    assertThat(counts.getInteger("pending")).isZero();
    assertThat(get(id).bodyAsJsonObject().getString("completedAt")).isNotNull();
  }

  @Test
  void campaignStatusEvents_tellTheStartEachTenthReachedAndTheEnd() {
    List<JsonObject> list = IntStream.range(0, 20)
        .mapToObj(i -> recipient("+86139000004" + String.format("%02d", i), "U" + i)).toList();
    String id = create(campaign(list.toArray(JsonObject[]::new)).put("ratePerSecond", 20))
        .bodyAsJsonObject().getString("campaignId");

    List<JsonObject> told = new java.util.ArrayList<>();
    do {
      told.add(bot.next("campaignStatus").event());
    } while (!told.get(told.size() - 1).getString("stage").equals("completed"));

    assertThat(told).extracting(event -> event.getJsonObject("campaign").getString("campaignId"))
        .containsOnly(id);
    assertThat(told.get(0).getString("stage")).isEqualTo("started");
    // Batches of five: each a quarter of the list, so the tenths told are 2, 5 and 7.
    assertThat(told).extracting(event -> event.getInteger("progress"))
        .containsExactly(0, 25, 50, 75, 100);
    JsonObject completed = told.get(told.size() - 1).getJsonObject("campaign");
    assertThat(completed.getString("status")).isEqualTo("completed");
    assertThat(completed.getInteger("handedOn")).isEqualTo(20);
    assertChannels(id, 0, 20);
    assertThat(bot.noneWithin(event -> "campaignStatus".equals(event.getString("event")),
        Duration.ofMillis(500))).isTrue();
  }

  @Test
  void cancel_isToldAsTheCampaignsEnd() {
    List<JsonObject> list = IntStream.range(0, 40)
        .mapToObj(i -> recipient("+86139000005" + String.format("%02d", i), "U" + i)).toList();
    String id = create(campaign(list.toArray(JsonObject[]::new)).put("ratePerSecond", 4))
        .bodyAsJsonObject().getString("campaignId");
    assertThat(bot.next("campaignStatus").event().getString("stage")).isEqualTo("started");

    act(id, "cancel");

    JsonObject ended = bot.next(event -> "campaignStatus".equals(event.getString("event"))
        && !"progress".equals(event.getString("stage")), WITHIN).event();
    assertThat(ended.getString("stage")).isEqualTo("cancelled");
    assertThat(ended.getJsonObject("campaign").getJsonObject("counts").getInteger("cancelled"))
        .isPositive();
  }

  @Test
  void results_streamEachRecipientsOutcome_asNdjsonAndCsv() {
    JsonObject body = campaign(recipient(SMS_1, "Wang"),
        new JsonObject().put("userContact", SMS_2).put("vars", new JsonObject()));
    String id = create(body).bodyAsJsonObject().getString("campaignId");
    awaitStatus(id, "completed");
    // Through the SMSC: the message is on SMS now (it is on RCS until its delivery routes it).
    smsTexts(SMS_1);

    HttpResponse<Buffer> ndjson = platform.request(HttpMethod.GET,
        "/bot/v1/shop/campaigns/" + id + "/results").bearerTokenAuthentication(token).send()
        .await();
    HttpResponse<Buffer> csv = platform.request(HttpMethod.GET,
        "/bot/v1/shop/campaigns/" + id + "/results").putHeader("Accept", "text/csv")
        .bearerTokenAuthentication(token).send().await();
    HttpResponse<Buffer> badFormat = platform.request(HttpMethod.GET,
        "/bot/v1/shop/campaigns/" + id + "/results?format=xml")
        .bearerTokenAuthentication(token).send().await();

    assertThat(ndjson.getHeader("Content-Type")).isEqualTo("application/x-ndjson");
    List<JsonObject> lines = ndjson.bodyAsString().lines().map(JsonObject::new).toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).getString("userContact")).isEqualTo(SMS_1);
    assertThat(lines.get(0).getString("msgId")).isEqualTo(id + ".0");
    assertThat(lines.get(0).getString("channel")).isEqualTo("sms");
    assertThat(lines.get(0).getString("status")).isIn("sent", "deliveredToNetwork",
        "deliveredAsSms");
    assertThat(lines.get(1).getString("status")).isEqualTo("failed");
    assertThat(lines.get(1).getString("reason")).contains("name");
    assertThat(lines.get(1).getString("msgId")).isNull();
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    assertThat(csv.bodyAsString().lines().toList()).hasSize(3)
        .first().isEqualTo("userContact,msgId,status,channel,reason,updatedAt");
    assertThat(csv.bodyAsString().lines().skip(2).findFirst().orElseThrow())
        .startsWith(SMS_2 + ",,failed,,");
    assertThat(badFormat.statusCode()).isEqualTo(400);
  }

  @Test
  void window_outsideItsHours_waits_andInsideThemSends() {
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    JsonObject later = new JsonObject().put("from", now.plusHours(2).withNano(0).withSecond(0)
        .toString()).put("to", now.plusHours(3).withNano(0).withSecond(0).toString())
        .put("timeZone", "UTC");
    JsonObject open = new JsonObject().put("from", now.minusHours(1).withNano(0).withSecond(0)
        .toString()).put("to", now.plusHours(1).withNano(0).withSecond(0).toString())
        .put("timeZone", "UTC");

    String waiting = create(campaign(recipient(SMS_1, "Wang")).put("window", later))
        .bodyAsJsonObject().getString("campaignId");
    String sending = create(campaign(recipient(SMS_2, "Chen")).put("window", open))
        .bodyAsJsonObject().getString("campaignId");

    assertThat(smsTexts(SMS_2)).containsExactly("Hello Chen, 20% off today");
    awaitStatus(sending, "completed");
    JsonObject held = get(waiting).bodyAsJsonObject();
    assertThat(held.getString("status")).isEqualTo("running");
    assertThat(held.getJsonObject("counts").getInteger("pending")).isEqualTo(1);
    assertThat(held.getJsonObject("window")).isEqualTo(later);
    assertThat(smsc().inbox(SMS_1)).isEmpty();
  }

  @Test
  void trafficType_goesWithEachMessage_andAnUnknownOneIsA400() {
    try (TestDevice phone = platform.device(RCS_1)) {
      HttpResponse<Buffer> unknown = create(campaign(recipient(RCS_1, "Li"))
          .put("trafficType", "spam"));
      HttpResponse<Buffer> badWindow = create(campaign(recipient(RCS_1, "Li"))
          .put("window", new JsonObject().put("from", "9am").put("to", "21:00")
              .put("timeZone", "Asia/Shanghai")));
      create(campaign(recipient(RCS_1, "Li")).put("trafficType", "advertisement"));

      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.bodyAsString()).contains("trafficType");
      assertThat(badWindow.statusCode()).isEqualTo(400);
      assertThat(badWindow.bodyAsString()).contains("window.from");
      assertThat(phone.next("message").getJsonObject("RCSMessage").getString("trafficType"))
          .isEqualTo("advertisement");
    }
  }

  // --- fixtures ---------------------------------------------------------------------------------

  private static JsonObject campaign(JsonObject... recipients) {
    return new JsonObject().put("name", "Spring sale")
        .put("message", new JsonObject().put("textMessage", "Hello {{name}}, 20% off today"))
        .put("recipients", new JsonArray(List.of((Object[]) recipients)));
  }

  private static JsonObject recipient(String userContact, String name) {
    return new JsonObject().put("userContact", userContact)
        .put("vars", new JsonObject().put("name", name));
  }

  private HttpResponse<Buffer> create(JsonObject body) {
    return platform.request(HttpMethod.POST, "/bot/v1/shop/campaigns")
        .bearerTokenAuthentication(token).sendJsonObject(body).await();
  }

  private HttpResponse<Buffer> get(String id) {
    return platform.request(HttpMethod.GET, "/bot/v1/shop/campaigns/" + id)
        .bearerTokenAuthentication(token).send().await();
  }

  private HttpResponse<Buffer> act(String id, String action) {
    return platform.request(HttpMethod.POST, "/bot/v1/shop/campaigns/" + id + ":" + action)
        .bearerTokenAuthentication(token).send().await();
  }

  /**
   * The handed-on recipients come to be on these channels: a message is on RCS when stored, and
   * on SMS once its delivery finds the number cannot take RCS, just after.
   */
  private void assertChannels(String id, int rcs, int sms) {
    JsonObject expected = new JsonObject().put("rcs", rcs).put("sms", sms);
    Eventually.until(() -> get(id).bodyAsJsonObject().getJsonObject("byChannel"),
        expected::equals, WITHIN);
  }

  private int handedOn(String id) {
    return get(id).bodyAsJsonObject().getInteger("handedOn");
  }

  /** The campaign's counts added up: each recipient and skipped row in one of them. */
  private static int outcomes(JsonObject counts) {
    return counts.stream().mapToInt(count -> (Integer) count.getValue()).sum();
  }

  private JsonObject counts(String id) {
    return get(id).bodyAsJsonObject().getJsonObject("counts");
  }

  private JsonObject awaitStatus(String id, String status) {
    return Eventually.until(() -> get(id).bodyAsJsonObject(),
        campaign -> campaign.getString("status").equals(status), WITHIN);
  }

  private static String text(JsonObject frame) {
    return frame.getJsonObject("RCSMessage").getString("textMessage");
  }

  private EmbeddedSmsc smsc() {
    return platform.platform.embeddedSmsc().orElseThrow();
  }

  private List<String> smsTexts(String msisdn) {
    return Eventually.until(() -> smsc().inbox(msisdn), list -> !list.isEmpty(), WITHIN)
        .stream().map(InboxMessage::text).toList();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
