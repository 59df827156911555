package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmscFaults;
import org.openmaap.platform.store.TestPostgres;

/**
 * Three platform processes on one PostgreSQL database (a new schema of the test server; skipped
 * without one, unless CI=true), phones spread over them, SMS-only users through an SMSC that logs
 * every submit_sm, one chatbot: under load one node is killed with SIGKILL. Nothing accepted is
 * lost, no text is submitted twice, no conversation's events reach the bot out of order, the dead
 * node's phones move to another node and get what waits for them, and the node, restarted, takes
 * work again.
 */
class ClusterCrashTest {

  private static final String BOT = "clusterbot";
  private static final String ADMIN_TOKEN = "cluster-crash-admin";
  private static final String NETWORK_TOKEN = "cluster-crash-network";
  private static final int PHONES = 6;
  private static final int SMS_USERS = 6;
  private static final int MESSAGES = 60;
  private static final int KILL_AT = 30;
  /** The dead node's phones stay away for a while: what is sent to them meanwhile waits. */
  private static final int RECONNECT_AT = 42;
  private static final int USER_TEXTS = 6;
  private static final String ECHO = "echo: ";
  private static final Path LOGS = Path.of("target", "cluster-crash-test");

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final Map<Integer, ChildPlatform> nodes = new HashMap<>();
  private final Map<Integer, Integer> ports = new HashMap<>();
  private final Map<Integer, WebClient> clients = new HashMap<>();
  private String schema;
  private EmbeddedSmsc smsc;
  private FakeChatbot bot;

  @AfterEach
  void cleanUp() {
    nodes.values().stream().filter(ChildPlatform::isAlive).forEach(ChildPlatform::kill);
    if (bot != null) {
      bot.close();
    }
    if (smsc != null) {
      smsc.stop().await();
    }
    vertx.close().await();
    TestPostgres.drop(schema);
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void sigkillOneNodeUnderLoad_nothingLostOrTwice_orderKept_phonesMoveOn_nodeComesBack()
      throws Exception {
    schema = TestPostgres.freshSchema();
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
    smsc.start().await();
    SmscFaults faults = SmscFaults.of(smsc);
    // Slow answers: the kill finds submits waiting for theirs.
    faults.delayAnswers(Duration.ofMillis(300));
    bot = FakeChatbot.start(vertx);
    // An echo bot: it answers each user message with its text back, which goes to the user.
    bot.answer(event -> "message".equals(event.getString("event"))
        ? new FakeChatbot.Answer(200, new JsonObject().put("RCSMessage", new JsonObject()
            .put("textMessage", ECHO + event.getJsonObject("RCSMessage").getString("textMessage"))))
        : FakeChatbot.Answer.OK);
    Path config = Files.writeString(dir.resolve("openmaap.json"), new JsonObject()
        .put("store", new JsonObject().put("lease", "2s"))
        .put("sms", new JsonObject().put("throughputPerSecond", 100)).encode(),
        StandardCharsets.UTF_8);
    for (int n = 1; n <= 3; n++) {
      ports.put(n, ChildPlatform.freePort());
    }
    for (int n = 1; n <= 3; n++) {
      start(n, config, "node" + n + ".log");
    }
    JsonObject registration = Bots.register(client(1), ADMIN_TOKEN, new JsonObject()
        .put("botId", BOT).put("name", "Cluster bot").put("webhookUrl", bot.url())
        .put("rateLimitPerSecond", 10_000));
    String token = Eventually.until(() -> token(client(2), registration), t -> t != null,
        Duration.ofSeconds(2));
    WebSocketClient sockets = vertx.createWebSocketClient();
    List<AckingPhone> phones = IntStream.range(0, PHONES)
        .mapToObj(i -> new AckingPhone(sockets, phone(i), BOT)).toList();
    for (int i = 0; i < PHONES; i++) {
      phones.get(i).connect(ports.get(nodeOf(i)), NETWORK_TOKEN);
    }
    // Every node knows every phone before the sends: none of them goes as SMS.
    for (int i = 0; i < PHONES; i++) {
      String number = phone(i);
      Eventually.until(() -> rcs(client(3), token, number), Boolean.TRUE::equals,
          Duration.ofSeconds(2));
    }

    // Act: sends through every node, users writing, and node 3 killed half-way.
    Map<String, Integer> userTexts = new HashMap<>();
    long writing = vertx.setPeriodic(150, id -> phones.forEach(phone -> {
      int next = userTexts.merge(phone.msisdn, 1, Integer::sum);
      if (next <= USER_TEXTS) {
        phone.sendText(phone.msisdn + " says " + next);
      }
    }));
    Set<String> accepted = new HashSet<>();
    List<Integer> unanswered = new ArrayList<>();
    List<String> waitedForMovedPhones = new ArrayList<>();
    int exit = 0;
    for (int i = 0; i < MESSAGES; i++) {
      if (i == KILL_AT) {
        exit = nodes.get(3).kill();
      }
      if (i == RECONNECT_AT) {
        // The dead node's phones connect to another node, as they would through a balancer.
        for (int p = 0; p < PHONES; p++) {
          if (nodeOf(p) == 3) {
            phones.get(p).connect(ports.get(1), NETWORK_TOKEN);
          }
        }
      }
      if (i >= KILL_AT && i < RECONNECT_AT && i % 2 == 0 && nodeOf(phoneOf(i)) == 3) {
        waitedForMovedPhones.add(msgId(i));
      }
      int through = i >= KILL_AT && nodeOf(i) == 3 ? 1 : nodeOf(i);
      if (send(client(through), token, i)) {
        accepted.add(msgId(i));
      } else {
        unanswered.add(i);
      }
    }
    // A send whose node died before answering is sent again, elsewhere, with its msgId.
    for (int i : unanswered) {
      if (send(client(1), token, i)) {
        accepted.add(msgId(i));
      }
    }
    ChildPlatform restarted = start(3, config, "node3-again.log");
    Eventually.until(() -> health(client(1)).getJsonArray("nodes").size(), size -> size == 3,
        Duration.ofSeconds(10));
    // The moved phones come back to the restarted node, and only to it.
    for (int p = 0; p < PHONES; p++) {
      if (nodeOf(p) == 3) {
        phones.get(p).close();
        phones.get(p).connect(ports.get(3), NETWORK_TOKEN);
      }
    }
    // Two messages to those phones (64 and 70), two to SMS users, all through the restarted node.
    List<Integer> afterRestart = List.of(64, 65, 70, 71);
    for (int i : afterRestart) {
      assertThat(send(client(3), token, i)).as("the restarted node takes sends").isTrue();
      accepted.add(msgId(i));
    }
    vertx.cancelTimer(writing);
    Thread.sleep(300);
    Set<String> userMessagesAcked = new HashSet<>();
    phones.forEach(phone -> userMessagesAcked.addAll(phone.acknowledgedUserMessages()));

    // Everything arrives: every RCS message on its phone and reported delivered, every SMS to
    // its end, every user message the platform acked to the bot.
    Map<String, String> endings = Eventually.until(() -> endings(client(1), token, accepted),
        found -> found.size() == accepted.size() && found.values().stream()
            .noneMatch(ending -> ending.startsWith("pending") || ending.startsWith("sent")),
        Duration.ofSeconds(60));
    Eventually.until(() -> messageEvents(), events -> events.keySet()
        .containsAll(userMessagesAcked), Duration.ofSeconds(30));
    // Every user message the bot got is echoed to its phone (once per time the bot got it).
    Map<String, JsonObject> gotByBot = messageEvents();
    Map<String, Long> deliveriesToBot = bot.all().stream()
        .filter(received -> "message".equals(received.event().getString("event")))
        .collect(Collectors.groupingBy(received -> received.event().getJsonObject("RCSMessage")
            .getString("textMessage"), Collectors.counting()));
    Map<String, Set<String>> echoes = Eventually.until(() -> echoes(phones),
        found -> gotByBot.values().stream().allMatch(event -> found.containsKey(ECHO
            + event.getJsonObject("RCSMessage").getString("textMessage"))),
        Duration.ofSeconds(30));

    // Assert.
    Map<String, Long> submits = faults.everySubmittedText().stream()
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    Map<String, Set<String>> framesByPhone = new HashMap<>();
    phones.forEach(phone -> framesByPhone.put(phone.msisdn, phone.messages().keySet()));
    String summary = ("cluster crash test: %d messages accepted (%d sent again after the kill),"
        + " endings %s, %d submit_sm, %d user messages acked, %d webhook events")
        .formatted(accepted.size(), unanswered.size(), endings.values().stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())),
            submits.values().stream().mapToLong(Long::longValue).sum(),
            userMessagesAcked.size(), bot.all().size());
    System.out.println(summary);
    StringBuilder arrivals = new StringBuilder();
    List<FakeChatbot.Received> all = bot.all();
    for (int k = 0; k < all.size(); k++) {
      JsonObject event = all.get(k).event();
      if ("message".equals(event.getString("event"))) {
        arrivals.append(k).append(' ').append(all.get(k).eventId()).append(' ')
            .append(event.getJsonObject("messageContact").getString("userContact")).append(' ')
            .append(event.getJsonObject("RCSMessage").getString("textMessage")).append(' ')
            .append(all.get(k).timestamp()).append('\n');
      }
    }
    Files.writeString(LOGS.resolve("summary.txt"), summary + "\n" + arrivals,
        StandardCharsets.UTF_8);

    assertThat(exit).as("exit code of the SIGKILLed node").isEqualTo(ChildPlatform.KILLED);
    assertThat(accepted).as("every send was accepted, some after a resend")
        .hasSize(MESSAGES + afterRestart.size());
    accepted.forEach(msgId -> {
      int i = index(msgId);
      if (i % 2 == 0) {
        assertThat(endings.get(msgId)).as(msgId + " to a phone").isEqualTo("delivered");
        assertThat(framesByPhone.get(phone(phoneOf(i)))).as(msgId + " on its phone")
            .contains(msgId);
      } else {
        assertThat(endings.get(msgId)).as(msgId + " to an SMS user")
            .isIn("deliveredToNetwork", "deliveredAsSms", "failed:sms_unknown");
        if (!endings.get(msgId).startsWith("failed")) {
          assertThat(submits).as(msgId + " reached the SMSC").containsKey(text(i));
        }
      }
    });
    assertThat(submits).as("submit_sm per text").allSatisfy((text, count) ->
        assertThat(count).as(text).isEqualTo(1L));
    assertThat(waitedForMovedPhones).as("messages sent while the dead node's phones were away")
        .isNotEmpty().allSatisfy(msgId -> assertThat(framesByPhone.get(phone(phoneOf(
            index(msgId))))).as(msgId + " on its moved phone").contains(msgId));
    assertThat(afterRestart).allSatisfy(i -> assertThat(nodeOf(phoneOf(i)) == 3 || i % 2 == 1)
        .as("message " + i + " goes to a phone on the restarted node, or by SMS").isTrue());
    // Those phones are connected to the restarted node alone, so it wrote both messages to them
    // (they are on the phones, above) and took both delivered reports. (Its count of messages
    // moved to sent is no proof: a delivered report may come before that status is written.)
    assertThat(Eventually.until(() -> rcsCount(client(3), "delivered"), n -> n >= 2,
        Duration.ofSeconds(10))).as("delivered reports node 3 took after its restart")
        .isGreaterThanOrEqualTo(2L);
    assertThat(outOfOrder(messageEvents())).as("user messages the bot got out of order")
        .isEmpty();
    assertThat(echoes).as("echoes on the phones: each as often as the bot got its message, at most")
        .allSatisfy((echo, msgIds) -> assertThat((long) msgIds.size()).as(echo)
            .isLessThanOrEqualTo(deliveriesToBot.getOrDefault(echo.substring(ECHO.length()), 0L)));
    assertThat(nodes.get(1).errors()).as("errors in node 1's log").isEmpty();
    assertThat(nodes.get(2).errors()).as("errors in node 2's log").isEmpty();
    assertThat(restarted.errors()).as("errors in the restarted node's log").isEmpty();
    phones.forEach(AckingPhone::close);
  }

  // --- the load -------------------------------------------------------------------------------

  /** Even messages go to phones, odd ones to SMS-only users; each through a node in turn. */
  private static int nodeOf(int index) {
    return index % 3 + 1;
  }

  private static int phoneOf(int message) {
    return (message / 2) % PHONES;
  }

  private static String phone(int i) {
    return "+8613800001%03d".formatted(i);
  }

  private static String smsUser(int message) {
    return "+8613700001%03d".formatted((message / 2) % SMS_USERS);
  }

  private static String msgId(int i) {
    return "cluster-" + i;
  }

  private static int index(String msgId) {
    return Integer.parseInt(msgId.substring("cluster-".length()));
  }

  private static String text(int i) {
    return "Cluster message " + i;
  }

  /** Sends message {@code i}; true when the node accepted it (or had already), false unanswered. */
  private static boolean send(WebClient http, String token, int i) {
    String to = i % 2 == 0 ? phone(phoneOf(i)) : smsUser(i);
    try {
      HttpResponse<Buffer> answer = http.post("/bot/v1/" + BOT + "/messages")
          .bearerTokenAuthentication(token).timeout(5_000)
          .sendJsonObject(new JsonObject()
              .put("messageContact", new JsonObject().put("userContact", to))
              .put("RCSMessage", new JsonObject().put("msgId", msgId(i))
                  .put("textMessage", text(i))))
          .await();
      assertThat(answer.statusCode()).as(answer.bodyAsString()).isIn(200, 202);
      return true;
    } catch (AssertionError e) {
      throw e;
    } catch (Exception unanswered) {
      return false;
    }
  }

  // --- what arrived ---------------------------------------------------------------------------

  /** Each accepted message's status as "status" or "status:reason", as far as known yet. */
  private static Map<String, String> endings(WebClient http, String token, Set<String> msgIds) {
    Map<String, String> endings = new HashMap<>();
    for (String msgId : msgIds) {
      HttpResponse<Buffer> answer = http.get("/bot/v1/" + BOT + "/messages/" + msgId + "/status")
          .bearerTokenAuthentication(token).send().await();
      if (answer.statusCode() == 200) {
        JsonObject rcs = answer.bodyAsJsonObject().getJsonObject("RCSMessage");
        JsonObject error = rcs.getJsonObject("error");
        endings.put(msgId, rcs.getString("status")
            + (error == null ? "" : ":" + error.getString("reason")));
      }
    }
    return endings;
  }

  /** The users' message events by msgId, each at its first arrival, in arrival order. */
  private Map<String, JsonObject> messageEvents() {
    Map<String, JsonObject> events = new LinkedHashMap<>();
    Set<String> eventIds = new HashSet<>();
    for (FakeChatbot.Received received : bot.all()) {
      if (eventIds.add(received.eventId()) && "message".equals(received.event()
          .getString("event"))) {
        events.putIfAbsent(received.event().getJsonObject("RCSMessage").getString("msgId"),
            received.event());
      }
    }
    return events;
  }

  /** The echoes the phones got, by text, each with the msgIds it came under. */
  private static Map<String, Set<String>> echoes(List<AckingPhone> phones) {
    Map<String, Set<String>> echoes = new HashMap<>();
    phones.forEach(phone -> phone.messages().forEach((msgId, frames) -> {
      String text = frames.get(0).getJsonObject("RCSMessage").getString("textMessage");
      if (text != null && text.startsWith(ECHO)) {
        echoes.computeIfAbsent(text, key -> new HashSet<>()).add(msgId);
      }
    }));
    return echoes;
  }

  /** Each user's texts in the order the bot first got them; those that came before an earlier. */
  private static List<String> outOfOrder(Map<String, JsonObject> events) {
    Map<String, Integer> last = new HashMap<>();
    List<String> wrong = new ArrayList<>();
    events.values().forEach(event -> {
      String user = event.getJsonObject("messageContact").getString("userContact");
      String text = event.getJsonObject("RCSMessage").getString("textMessage");
      int number = Integer.parseInt(text.substring(text.lastIndexOf(' ') + 1));
      Integer before = last.put(user, number);
      if (before != null && before > number) {
        wrong.add(user + ": " + number + " after " + before);
      }
    });
    return wrong;
  }

  // --- the nodes ------------------------------------------------------------------------------

  private ChildPlatform start(int n, Path config, String log) throws IOException {
    Map<String, String> env = Map.of(
        "OPENMAAP_CONFIG", config.toString(),
        "OPENMAAP_PORT", Integer.toString(ports.get(n)),
        "OPENMAAP_DATA_DIR", dir.resolve("node" + n).toString(),
        "OPENMAAP_ADMIN_TOKEN", ADMIN_TOKEN,
        "OPENMAAP_NETWORK_TOKEN", NETWORK_TOKEN,
        "OPENMAAP_DATABASE_URL", schema,
        "OPENMAAP_NODE_ID", "node" + n,
        "OPENMAAP_FILES_DIR", dir.resolve("files").toString(),
        "OPENMAAP_SMSC_HOST", "127.0.0.1",
        "OPENMAAP_SMSC_PORT", Integer.toString(smsc.port()));
    ChildPlatform child = ChildPlatform.start(env, LOGS.resolve(log));
    nodes.put(n, child);
    child.awaitHealthy(vertx, Duration.ofSeconds(30));
    return child;
  }

  private WebClient client(int n) {
    return clients.computeIfAbsent(n, key -> WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost("localhost").setDefaultPort(ports.get(key))));
  }

  /** The restarted node's count of bot-to-user RCS messages that reached {@code status}. */
  private static long rcsCount(WebClient http, String status) {
    String metrics = http.get("/metrics").send().await().bodyAsString();
    Matcher count = Pattern.compile("^openmaap_messages_total\\{channel=\"rcs\","
        + "direction=\"bot_to_user\",node=\"node3\",status=\"" + status + "\"} ([0-9.]+)$",
        Pattern.MULTILINE).matcher(metrics);
    return count.find() ? (long) Double.parseDouble(count.group(1)) : 0;
  }

  private static JsonObject health(WebClient http) {
    return http.get("/admin/v1/health").bearerTokenAuthentication(ADMIN_TOKEN).send().await()
        .bodyAsJsonObject();
  }

  private static Boolean rcs(WebClient http, String token, String number) {
    HttpResponse<Buffer> answer = http.get("/bot/v1/" + BOT + "/contactCapabilities?userContact="
        + number.replace("+", "%2B")).bearerTokenAuthentication(token).send().await();
    return answer.statusCode() == 200 ? answer.bodyAsJsonObject().getBoolean("rcs") : null;
  }

  private static String token(WebClient http, JsonObject registration) {
    try {
      return Bots.token(http, registration);
    } catch (AssertionError notYet) {
      return null;
    }
  }
}
