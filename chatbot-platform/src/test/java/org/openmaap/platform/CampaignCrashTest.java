package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmscFaults;

/**
 * A campaign survives a crash: the platform (a separate process) sends a campaign to SMS-only
 * numbers through an external SMSC, is killed with SIGKILL half-way, and restarted on the same
 * data: the campaign completes and no recipient's text reaches the SMSC twice.
 */
class CampaignCrashTest {

  private static final String BOT = "campaignbot";
  private static final String ADMIN_TOKEN = "campaign-crash-admin";
  private static final String NETWORK_TOKEN = "campaign-crash-network";
  private static final int RECIPIENTS = 40;
  private static final int KILL_AFTER_SUBMITS = 12;
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
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void sigkillMidCampaign_restartCompletesIt_andNobodyGetsItTwice() throws Exception {
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
    smsc.start().await();
    SmscFaults faults = SmscFaults.of(smsc);
    bot = FakeChatbot.start(vertx);
    int port = ChildPlatform.freePort();
    Map<String, String> env = Map.of(
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
        .put("botId", BOT).put("name", "Campaign crash bot").put("webhookUrl", bot.url())));
    JsonArray recipients = new JsonArray(IntStream.range(0, RECIPIENTS)
        .mapToObj(i -> new JsonObject().put("userContact", "+86139100%05d".formatted(i))
            .put("vars", new JsonObject().put("n", i)))
        .toList());
    HttpResponse<Buffer> created = http.post("/bot/v1/" + BOT + "/campaigns")
        .bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("name", "Crash sale").put("ratePerSecond", 10)
            .put("message", new JsonObject().put("textMessage", "Campaign text {{n}}"))
            .put("recipients", recipients))
        .await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    String id = created.bodyAsJsonObject().getString("campaignId");

    Eventually.until(faults::everySubmittedText, texts -> texts.size() >= KILL_AFTER_SUBMITS,
        Duration.ofSeconds(20));
    int exit = first.kill();
    int beforeTheKill = faults.everySubmittedText().size();
    startChild(env, "platform-2.log");
    JsonObject done = Eventually.until(() -> campaign(http, token, id),
        campaign -> campaign.getString("status").equals("completed"), Duration.ofSeconds(30));

    Map<String, Long> submits = faults.everySubmittedText().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(exit).isEqualTo(ChildPlatform.KILLED);
    assertThat(beforeTheKill).isLessThan(RECIPIENTS);
    assertThat(submits).as("submit_sm per text").allSatisfy((text, count) ->
        assertThat(count).as(text).isEqualTo(1L));
    // A submit the kill left unanswered is not sent again (SMS.md, "Crashes"): at most a few.
    assertThat(submits).hasSizeGreaterThanOrEqualTo(RECIPIENTS - 2);
    assertThat(done.getInteger("handedOn")).isEqualTo(RECIPIENTS);
    assertThat(done.getJsonObject("byChannel").getInteger("sms")).isEqualTo(RECIPIENTS);
    assertThat(done.getJsonObject("counts").getInteger("pending")).isZero();
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
