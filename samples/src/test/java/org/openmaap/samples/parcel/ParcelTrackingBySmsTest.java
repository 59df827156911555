package org.openmaap.samples.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.samples.SampleBot;

/**
 * The parcel story for a phone without RCS: the platform's own SMSC carries the bot's SMS texts,
 * and the user's answers by number, read from and sent through the network's SMS inbox and
 * outbox, reach the bot as if they had tapped the chips.
 */
class ParcelTrackingBySmsTest {

  private static final String SMS_USER = "+8613900000202";
  /** 18:42 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-14T10:42:00Z"),
      ZoneOffset.UTC);
  private static final Duration PACE = Duration.ofMillis(200);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private SampleBot<ParcelTracking> parcels;
  private final Deque<JsonObject> unread = new ArrayDeque<>();
  private String cursor;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    parcels = SampleBot.start(vertx, "http://localhost:" + platform.port(),
        RunningPlatform.ADMIN_TOKEN, ParcelTracking.PROFILE, ParcelTracking.PICTURES,
        (api, assets) -> new ParcelTracking(api, assets, vertx, CLOCK, PACE)).await();
  }

  @AfterEach
  void stop() {
    parcels.stop().await();
    platform.close();
    vertx.close().await();
  }

  @Test
  void smsOnlyUser_getsShortTexts_andAnswersByNumberDriveTheStory() {
    parcels.bot().shipped(SMS_USER, "Bean There Coffee").await();
    JsonObject shipped = nextSms();

    answer(shipped, "1");
    JsonObject slots = nextSms();
    answer(slots, "3");
    JsonObject booked = nextSms();
    JsonObject onTheWay = nextSms();
    JsonObject delivered = nextSms();

    assertThat(shipped.getString("text")).isEqualTo("""
        OpenParcel: OP4711 from Bean There Coffee arrives tomorrow.
        1) Choose a delivery slot
        2) Where is it?
        Reply with a number.""");
    assertThat(slots.getString("text")).isEqualTo("""
        OpenParcel: when shall we bring OP4711?
        1) Tomorrow 9-12
        2) Tomorrow 12-18
        3) Tomorrow 18-21
        4) Leave with neighbour
        Reply with a number.""");
    assertThat(booked.getString("text")).startsWith(
        "OpenParcel: Booked: tomorrow 18-21. We will message you when the driver is on the way.");
    assertThat(onTheWay.getString("text"))
        .isEqualTo("OpenParcel: Parcel OP4711 is out for delivery (tomorrow 18-21).");
    assertThat(delivered.getString("text")).isEqualTo("OpenParcel: OP4711 was delivered at "
        + "18:42, at your front door. Questions? Call +864008200820");
    assertThat(List.of(shipped, slots, booked, onTheWay, delivered))
        .allSatisfy(sms -> assertThat(sms.getInteger("segments")).isLessThanOrEqualTo(2));
  }

  /** The next SMS that reached the phone, read from its inbox as the simulator reads it. */
  private JsonObject nextSms() {
    if (unread.isEmpty()) {
      JsonObject page = Eventually.until(() -> inbox(cursor),
          answer -> !answer.getJsonArray("messages").isEmpty(), Duration.ofSeconds(10));
      page.getJsonArray("messages").forEach(sms -> unread.add((JsonObject) sms));
      cursor = page.getString("cursor");
    }
    return unread.removeFirst();
  }

  private JsonObject inbox(String since) {
    String path = "/network/v1/sms/%2B" + SMS_USER.substring(1) + "/inbox"
        + (since == null ? "" : "?since=" + since);
    return platform.request(HttpMethod.GET, path)
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN).send().await()
        .bodyAsJsonObject();
  }

  /** The user answers an SMS, to the number it came from. */
  private void answer(JsonObject sms, String text) {
    HttpResponse<Buffer> sent = platform.request(HttpMethod.POST,
            "/network/v1/sms/%2B" + SMS_USER.substring(1) + "/outbox")
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject().put("to", sms.getString("from")).put("text", text))
        .await();
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
  }
}
