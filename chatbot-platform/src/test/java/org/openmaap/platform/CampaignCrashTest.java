package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmppSettings;
import org.openmaap.platform.sms.SmscFaults;

/**
 * A campaign survives a crash: the platform (a separate process) sends a campaign to every kind
 * of recipient (phones connected over WebSocket, RCS phones offline, SMS-only numbers through an
 * external SMSC, numbers that opted out with STOP, and duplicate rows), is killed with SIGKILL
 * a third of the way, and restarted on the same data. The campaign completes with every
 * recipient in one final outcome, the counts add up to the list, and nobody gets it twice.
 */
class CampaignCrashTest {

  private static final String BOT = "campaignbot";
  private static final String ADMIN_TOKEN = "campaign-crash-admin";
  private static final String NETWORK_TOKEN = "campaign-crash-network";
  private static final String SMS_NUMBER = "10690000";
  // The suite's size; docs/BENCHMARKS.md runs it with 100,000 rows through -Dcampaign.crash.*.
  private static final int CONNECTED = Integer.getInteger("campaign.crash.connected", 30);
  private static final int OFFLINE = Integer.getInteger("campaign.crash.offline", 30);
  private static final int SMS_ONLY = Integer.getInteger("campaign.crash.smsOnly", 300);
  private static final int OPTED_OUT = Integer.getInteger("campaign.crash.optedOut", 10);
  private static final int DUPLICATES = Integer.getInteger("campaign.crash.duplicates", 10);
  private static final int RATE = Integer.getInteger("campaign.crash.rate", 100);
  private static final int SMS_THROUGHPUT = Integer.getInteger("campaign.crash.smsThroughput",
      100);
  private static final int KILL_AFTER_SUBMITS = SMS_ONLY / 3;
  private static final int MAX_INLINE = 10_000;
  private static final Path LOGS = Path.of("target", "campaign-crash-test");

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<ChildPlatform> children = new ArrayList<>();
  private EmbeddedSmsc smsc;
  private FakeChatbot bot;

  @AfterEach
  void cleanUp() {
    children.stream().filter(ChildPlatform::isAlive).forEach(ChildPlatform::kill);
    if (bot != null) {
      bot.close();
    }
    if (smsc != null) {
      smsc.stop().await();
    }
    vertx.close().await();
  }

  @Test
  @Timeout(value = 900, unit = TimeUnit.SECONDS)
  void sigkillMidCampaign_toEveryKindOfRecipient_restartEndsEachOnce() throws Exception {
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
    smsc.start().await();
    SmscFaults faults = SmscFaults.of(smsc);
    bot = FakeChatbot.start(vertx);
    int port = ChildPlatform.freePort();
    Path config = Files.writeString(dir.resolve("config.json"), new JsonObject().put("sms",
        new JsonObject().put("throughputPerSecond", SMS_THROUGHPUT)).encode());
    Map<String, String> env = Map.of(
        "OPENMAAP_CONFIG", config.toString(),
        "OPENMAAP_PORT", Integer.toString(port),
        "OPENMAAP_DATA_DIR", dir.resolve("data").toString(),
        "OPENMAAP_ADMIN_TOKEN", ADMIN_TOKEN,
        "OPENMAAP_NETWORK_TOKEN", NETWORK_TOKEN,
        "OPENMAAP_SMSC_HOST", "127.0.0.1",
        "OPENMAAP_SMSC_PORT", Integer.toString(smsc.port()));
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(port));
    ChildPlatform first = startChild(env, "platform-1.log");
    String token = Bots.token(http, Bots.register(http, ADMIN_TOKEN, new JsonObject()
        .put("botId", BOT).put("name", "Campaign crash bot").put("webhookUrl", bot.url())
        .put("rateLimitPerSecond", 10_000)));
    WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(CONNECTED + OFFLINE));
    List<AckingPhone> connected = IntStream.range(0, CONNECTED)
        .mapToObj(i -> new AckingPhone(sockets, "+86138100%05d".formatted(i), BOT)).toList();
    List<AckingPhone> offline = IntStream.range(0, OFFLINE)
        .mapToObj(i -> new AckingPhone(sockets, "+86138200%05d".formatted(i), BOT)).toList();
    List<String> smsOnly = numbers("+86139100%05d", SMS_ONLY);
    List<String> optedOut = numbers("+86139200%05d", OPTED_OUT);
    connected.forEach(phone -> phone.connect(port, NETWORK_TOKEN));
    offline.forEach(phone -> provision(http, phone.msisdn));
    optedOut.forEach(user -> optOut(http, token, user));
    List<String> rows = new ArrayList<>();
    connected.forEach(phone -> rows.add(phone.msisdn));
    offline.forEach(phone -> rows.add(phone.msisdn));
    rows.addAll(smsOnly);
    rows.addAll(optedOut);
    smsOnly.subList(0, DUPLICATES).forEach(user -> rows.add("tel:" + user));
    Collections.shuffle(rows, new Random(18));
    int recipients = rows.size() - DUPLICATES;

    String id = create(http, token, rows);
    Duration sending = Duration.ofSeconds(60 + 3L * rows.size() / RATE);
    Eventually.until(() -> campaignTexts(faults), texts -> texts.size() >= KILL_AFTER_SUBMITS,
        sending);
    int exit = first.kill();
    int beforeTheKill = campaignTexts(faults).size();
    startChild(env, "platform-2.log");
    connected.forEach(phone -> phone.connect(port, NETWORK_TOKEN));
    JsonObject done = Eventually.until(() -> campaign(http, token, id),
        campaign -> campaign.getString("status").equals("completed"), sending);
    offline.forEach(phone -> phone.connect(port, NETWORK_TOKEN));
    List<AckingPhone> phones = new ArrayList<>(connected);
    phones.addAll(offline);
    Eventually.until(() -> phones.stream().filter(phone -> phone.messages().isEmpty()).count(),
        waiting -> waiting == 0, Duration.ofSeconds(20));
    JsonObject settled = Eventually.until(() -> campaign(http, token, id),
        campaign -> campaign.getJsonObject("counts").getInteger("sent") == 0, sending);

    Map<String, Long> submits = campaignTexts(faults).stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    JsonObject counts = settled.getJsonObject("counts");
    int redelivered = phones.stream().mapToInt(phone -> phone.messages().values().stream()
        .mapToInt(frames -> frames.size() - 1).sum()).sum();
    System.out.printf("campaign crash test: %d rows, SIGKILL after %d SMS; after the restart: "
        + "%s, byChannel %s; %d frames redelivered to a phone with the same msgId%n",
        rows.size(), beforeTheKill, counts.encode(), settled.getJsonObject("byChannel").encode(),
        redelivered);
    assertThat(exit).isEqualTo(ChildPlatform.KILLED);
    assertThat(beforeTheKill).isLessThan(SMS_ONLY);
    assertThat(done.getInteger("recipients")).isEqualTo(recipients);
    assertThat(done.getInteger("handedOn")).isEqualTo(recipients);
    assertThat(counts.stream().mapToInt(count -> (Integer) count.getValue()).sum())
        .as("the counts add up to the list").isEqualTo(rows.size());
    assertThat(counts.getInteger("pending")).isZero();
    assertThat(counts.getInteger("skipped_duplicate")).isEqualTo(DUPLICATES);
    assertThat(counts.getInteger("skipped_opted_out")).isEqualTo(OPTED_OUT);
    assertThat(counts.getInteger("delivered")).isEqualTo(CONNECTED + OFFLINE);
    assertThat(settled.getJsonObject("byChannel").getInteger("rcs"))
        .isEqualTo(CONNECTED + OFFLINE);
    assertThat(submits).as("submit_sm per text").allSatisfy((text, count) ->
        assertThat(count).as(text).isEqualTo(1L));
    // A submit the kill left unanswered is not sent again (SMS.md, "Crashes"): it fails (the
    // SMSC may have it or not), and there are at most a window of them.
    int smsDelivered = counts.getInteger("deliveredToNetwork")
        + counts.getInteger("deliveredAsSms");
    assertThat(smsDelivered + counts.getInteger("failed")).isEqualTo(SMS_ONLY);
    assertThat(counts.getInteger("failed")).isLessThanOrEqualTo(SmppSettings.DEFAULT_WINDOW_SIZE);
    assertThat(submits.size()).isBetween(smsDelivered, SMS_ONLY);
    assertThat(optedOut).allSatisfy(user -> assertThat(smsc.inbox(user))
        .noneMatch(sms -> sms.text().startsWith("Campaign text")));
    assertThat(phones).allSatisfy(phone -> assertThat(phone.messages().keySet())
        .as("msgIds %s got", phone.msisdn).hasSize(1).allMatch(msgId -> msgId.startsWith(id)));
  }

  /**
   * The campaign, its rows inline or, past what a request may hold inline, a draft given them as a
   * CSV file and started; each row's text is "Campaign text" and its place in the list.
   */
  private static String create(WebClient http, String token, List<String> rows) {
    JsonObject body = new JsonObject().put("name", "Crash sale").put("ratePerSecond", RATE)
        .put("message", new JsonObject().put("textMessage", "Campaign text {{n}}"));
    boolean inline = rows.size() <= MAX_INLINE;
    if (inline) {
      body.put("recipients", new JsonArray(IntStream.range(0, rows.size())
          .mapToObj(i -> new JsonObject().put("userContact", rows.get(i))
              .put("vars", new JsonObject().put("n", i)))
          .toList()));
    }
    HttpResponse<Buffer> created = http.post("/bot/v1/" + BOT + "/campaigns")
        .bearerTokenAuthentication(token).sendJsonObject(body).await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("campaignId");
    if (!inline) {
      StringBuilder csv = new StringBuilder("userContact,n\n");
      IntStream.range(0, rows.size()).forEach(i -> csv.append(rows.get(i)).append(',')
          .append(i).append('\n'));
      HttpResponse<Buffer> added = http.post("/bot/v1/" + BOT + "/campaigns/" + id
              + "/recipients").bearerTokenAuthentication(token)
          .putHeader("Content-Type", "text/csv").sendBuffer(Buffer.buffer(csv.toString()))
          .await();
      assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(200);
      HttpResponse<Buffer> started = http.post("/bot/v1/" + BOT + "/campaigns/" + id + ":start")
          .bearerTokenAuthentication(token).send().await();
      assertThat(started.statusCode()).as(started.bodyAsString()).isEqualTo(200);
    }
    return id;
  }

  /** The campaign's texts the SMSC was given, one per submit_sm. */
  private static List<String> campaignTexts(SmscFaults faults) {
    return faults.everySubmittedText().stream().filter(text -> text.startsWith("Campaign text"))
        .toList();
  }

  private static List<String> numbers(String format, int count) {
    return IntStream.range(0, count).mapToObj(format::formatted).toList();
  }

  private static void provision(WebClient http, String msisdn) {
    HttpResponse<Buffer> response = http.put("/network/v1/devices/" + msisdn)
        .bearerTokenAuthentication(NETWORK_TOKEN).sendJsonObject(new JsonObject()).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  /** The bot's SMS reaches the user, who answers STOP: the platform confirms the opt-out. */
  private void optOut(WebClient http, String token, String user) {
    HttpResponse<Buffer> sent = http.post("/bot/v1/" + BOT + "/messages")
        .bearerTokenAuthentication(token).sendJsonObject(ConversationTest.text(user, "Deals!"))
        .await();
    assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
    Eventually.until(() -> smsc.inbox(user), inbox -> !inbox.isEmpty(), Duration.ofSeconds(10));
    smsc.deliver(user, SMS_NUMBER, "STOP").await();
    Eventually.until(() -> smsc.inbox(user), inbox -> inbox.stream()
        .anyMatch(sms -> sms.text().contains("no more SMS")), Duration.ofSeconds(10));
  }

  private static JsonObject campaign(WebClient http, String token, String id) {
    HttpResponse<Buffer> answer = http.get("/bot/v1/" + BOT + "/campaigns/" + id)
        .bearerTokenAuthentication(token).send().await();
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
    return answer.bodyAsJsonObject();
  }

  private ChildPlatform startChild(Map<String, String> env, String log) throws IOException {
    ChildPlatform child = ChildPlatform.start(env, LOGS.resolve(log));
    children.add(child);
    child.awaitHealthy(vertx, Duration.ofSeconds(30));
    return child;
  }
}
