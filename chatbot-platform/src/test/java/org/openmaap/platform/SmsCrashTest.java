package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * SMS.md, "Crashes": the platform (a separate process) sends a burst of fallback SMS to an
 * external SMSC that answers slowly and logs every submit_sm; it is killed with SIGKILL while
 * submits wait for their answers; after a restart no text reaches the SMSC twice, and every
 * message ends deliveredToNetwork (or deliveredAsSms) or failed with {@code sms_unknown}.
 */
class SmsCrashTest {

  private static final String BOT = "smsbot";
  private static final String ADMIN_TOKEN = "sms-crash-admin";
  private static final String NETWORK_TOKEN = "sms-crash-network";
  private static final int MESSAGES = 20;
  /** The kill comes once this many submit_sm arrived: the last of them still waits for its answer. */
  private static final int KILL_AFTER_SUBMITS = 4;
  private static final Duration ANSWER_DELAY = Duration.ofMillis(1_500);
  private static final Path LOGS = Path.of("target", "sms-crash-test");

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
  void sigkillWhileSubmitsWaitForAnswers_noTextTwice_andEveryMessageEndsKnownOrSmsUnknown()
      throws Exception {
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
    smsc.start().await();
    SmscFaults faults = SmscFaults.of(smsc);
    faults.delayAnswers(ANSWER_DELAY);
    bot = FakeChatbot.start(vertx);
    int port = ChildPlatform.freePort();
    // A slow pace: the kill finds parts answered, parts waiting for answers, and parts not sent.
    Path config = dir.resolve("openmaap.json");
    Files.writeString(config, new JsonObject().put("sms", new JsonObject()
        .put("throughputPerSecond", 4)).encode(), StandardCharsets.UTF_8);
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
    JsonObject registration = register(http);
    String token = Bots.token(http, registration);

    // Act: a burst of SMS to users without RCS, then SIGKILL while submits wait for answers.
    for (int i = 0; i < MESSAGES; i++) {
      HttpResponse<Buffer> sent = http.post("/bot/v1/" + BOT + "/messages")
          .bearerTokenAuthentication(token)
          .sendJsonObject(new JsonObject()
              .put("messageContact", new JsonObject().put("userContact", user(i)))
              .put("RCSMessage", new JsonObject().put("msgId", msgId(i))
                  .put("textMessage", text(i))))
          .await();
      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
    }
    Eventually.until(faults::everySubmittedText, texts -> texts.size() >= KILL_AFTER_SUBMITS,
        Duration.ofSeconds(20));
    int exit = first.kill();
    int submittedBeforeTheKill = faults.everySubmittedText().size();
    faults.delayAnswers(Duration.ZERO);
    ChildPlatform second = startChild(env, "platform-2.log");
    // The token from before the kill still works: it is signed, not kept in memory.
    Map<String, JsonObject> finals = awaitFinalStatuses(http, token);

    // Assert.
    Map<String, Long> submits = faults.everySubmittedText().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    Map<String, String> endings = new HashMap<>();
    finals.forEach((msgId, status) -> endings.put(msgId, ending(status)));
    String summary = "SMS crash test: " + submittedBeforeTheKill + " submit_sm before SIGKILL, "
        + submits.values().stream().mapToLong(Long::longValue).sum() + " in all; endings "
        + endings.values().stream().collect(Collectors.groupingBy(Function.identity(),
            Collectors.counting()));
    System.out.println(summary);
    second.terminate(Duration.ofSeconds(15));

    assertThat(exit).as("exit code of the SIGKILLed platform").isEqualTo(ChildPlatform.KILLED);
    assertThat(submits).as("submit_sm per text").allSatisfy((text, count) ->
        assertThat(count).as(text).isEqualTo(1L));
    assertThat(endings).as("how each message ended").hasSize(MESSAGES)
        .allSatisfy((msgId, ending) -> assertThat(ending)
            .isIn("deliveredToNetwork", "deliveredAsSms", "failed:sms_unknown"));
    assertThat(endings).as("a submit the kill left unanswered is sms_unknown")
        .containsValue("failed:sms_unknown");
    assertThat(endings.values().stream().filter(ending -> !ending.startsWith("failed")).count())
        .as("messages not submitted before the kill went out after the restart")
        .isGreaterThanOrEqualTo(MESSAGES / 2);
    for (int i = 0; i < MESSAGES; i++) {
      if (!endings.get(msgId(i)).startsWith("failed")) {
        assertThat(submits).as("a message sent as SMS reached the SMSC").containsKey(text(i));
      }
    }
  }

  private Map<String, JsonObject> awaitFinalStatuses(WebClient http, String token) {
    return Eventually.until(() -> {
      Map<String, JsonObject> statuses = new HashMap<>();
      for (int i = 0; i < MESSAGES; i++) {
        HttpResponse<Buffer> answer = http.get("/bot/v1/" + BOT + "/messages/" + msgId(i)
            + "/status").bearerTokenAuthentication(token).send().await();
        assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
        JsonObject rcs = answer.bodyAsJsonObject().getJsonObject("RCSMessage");
        if (!List.of("pending", "sent").contains(rcs.getString("status"))) {
          statuses.put(msgId(i), rcs);
        }
      }
      return statuses;
    }, statuses -> statuses.size() == MESSAGES, Duration.ofSeconds(60));
  }

  private static String ending(JsonObject status) {
    JsonObject error = status.getJsonObject("error");
    return status.getString("status") + (error == null ? "" : ":" + error.getString("reason"));
  }

  private static String user(int i) {
    return "+86139000%05d".formatted(i);
  }

  private static String msgId(int i) {
    return "sms-crash-" + i;
  }

  private static String text(int i) {
    return "Fallback number " + i;
  }

  private ChildPlatform startChild(Map<String, String> env, String log) throws IOException {
    ChildPlatform child = ChildPlatform.start(env, LOGS.resolve(log));
    children.add(child);
    child.awaitHealthy(vertx, Duration.ofSeconds(30));
    return child;
  }

  private JsonObject register(WebClient http) {
    return Bots.register(http, ADMIN_TOKEN, new JsonObject().put("botId", BOT)
        .put("name", "SMS crash bot").put("webhookUrl", bot.url())
        .put("rateLimitPerSecond", 1_000));
  }
}
