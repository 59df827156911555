package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash test of the issue "platform core": the platform runs as a separate process; 1,000
 * messages are accepted for online and offline phones and a slow bot; the process is killed with
 * SIGKILL mid-way; after a restart every accepted message and every webhook event arrives, and a
 * duplicate is only ever a redelivery under the same msgId or event id.
 */
class CrashTest {

  private static final String BOT = "crashbot";
  private static final String ADMIN_TOKEN = "crash-admin-token";
  private static final String NETWORK_TOKEN = "crash-network-token";
  private static final int MESSAGES = 1_000;
  private static final int KILL_AFTER_ACCEPTED = 450;
  private static final int SENDS_IN_FLIGHT = 32;
  private static final int ONLINE_PHONES = 8;
  private static final int OFFLINE_PHONES = 8;
  private static final int USER_MESSAGES = 250;
  private static final long USER_MESSAGE_EVERY_MS = 10;
  /** Generous: a loaded machine slows the slow bot's lanes; a test that passes never waits it. */
  private static final Duration EVERYTHING_ARRIVES_WITHIN = Duration.ofSeconds(60);
  private static final Path LOGS = Path.of("target", "crash-test");

  @TempDir
  Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final List<ChildPlatform> children = new ArrayList<>();
  private SlowChatbot bot;

  @AfterEach
  void cleanUp() {
    for (ChildPlatform child : children) {
      if (child.isAlive()) {
        child.kill();
      }
    }
    if (bot != null) {
      bot.close();
    }
    vertx.close().await();
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void sigkillMidWay_afterRestart_everyAcceptedMessageAndEveryEventArrives() throws Exception {
    int port = ChildPlatform.freePort();
    Map<String, String> env = environment(port);
    bot = SlowChatbot.start(vertx);
    ChildPlatform first = startChild(env, "platform-1.log");
    WebClient http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(port));
    JsonObject registration = register(http);
    List<AckingPhone> online = phones(0, ONLINE_PHONES);
    List<AckingPhone> offline = phones(ONLINE_PHONES, OFFLINE_PHONES);
    List<AckingPhone> all = new ArrayList<>(online);
    all.addAll(offline);
    offline.forEach(phone -> provision(http, phone.msisdn));
    online.forEach(phone -> phone.connect(port, NETWORK_TOKEN));

    // Act, part 1: sends, deliveries, user messages and webhooks in flight, then SIGKILL.
    long started = System.nanoTime();
    long userMessages = startUserMessages(online);
    Sends sends = new Sends(port, Bots.token(http, registration));
    // The kill comes from another thread while this one keeps sending, so sends are in flight.
    CompletableFuture<Kill> kill = CompletableFuture.supplyAsync(() -> {
      sends.awaitKillPoint();
      int inFlight = sends.inFlight();
      long at = (System.nanoTime() - started) / 1_000_000;
      return new Kill(first.kill(), inFlight, at);
    });
    int killedAt = sends.sendUntil(kill::isDone);
    vertx.cancelTimer(userMessages);
    sends.awaitAnswers();
    int deliveriesAcked = all.stream()
        .mapToInt(phone -> phone.acknowledgedDeliveries().size()).sum();
    int eventsAcked = bot.received().size();

    // Act, part 2: restart on the same data, every phone connects, unanswered sends are retried.
    long restarted = System.nanoTime();
    ChildPlatform second = startChild(env, "platform-2.log");
    all.forEach(phone -> phone.connect(port, NETWORK_TOKEN));
    Sends resends = new Sends(port, Bots.token(http, registration));
    resends.resend(sends.unanswered());
    resends.sendFrom(killedAt);
    resends.awaitAnswers();
    Set<String> accepted = new HashSet<>(sends.accepted);
    accepted.addAll(resends.accepted);
    Set<String> userMessagesAcked = new HashSet<>();
    online.forEach(phone -> userMessagesAcked.addAll(phone.acknowledgedUserMessages()));
    Recovery recovery = awaitEverything(second, all, accepted, userMessagesAcked, restarted);
    Outcome outcome = recovery.outcome();
    String platformSays = platformStatuses(resends, outcome.missing());
    all.forEach(AckingPhone::close);

    // Assert.
    String summary = ("crash test: %d messages accepted, %d before SIGKILL at %d ms (%d sends in "
        + "flight; %d delivered reports and %d webhook events acknowledged); after the restart "
        + "%d unanswered sends retried with their msgId (%d answered 200: stored before the kill) "
        + "and %d more sent; %d user messages acked; the phones had every message after %d ms "
        + "and the bot every event after %d ms; phones: %d msgIds in %d frames, %d redelivered "
        + "with the same msgId; bot: %d events in %d deliveries, %d redelivered with the same "
        + "event id (%d POSTs, %d answered 503); under another id: %d; lost: %d").formatted(
        accepted.size(), sends.accepted.size(), kill.get().atMillis(),
        kill.get().sendsInFlight(), deliveriesAcked, eventsAcked,
        sends.unanswered().size(), resends.repeats.get(), MESSAGES - killedAt,
        userMessagesAcked.size(), recovery.phonesMillis(), recovery.everythingMillis(),
        outcome.frames().size(), count(outcome.frames()), redeliveries(outcome.frames()),
        outcome.events().size(), count(outcome.events()), redeliveries(outcome.events()),
        bot.posts(), bot.refused(), outcome.underAnotherId().size(), outcome.missing().size());
    System.out.println(summary);
    Files.writeString(LOGS.resolve("summary.txt"), summary + "\n" + outcome.details()
        + platformSays, StandardCharsets.UTF_8);
    int stopExit = second.terminate(Duration.ofSeconds(15));

    assertThat(kill.get().exitCode()).as("exit code of the SIGKILLed platform")
        .isEqualTo(ChildPlatform.KILLED);
    assertThat(sends.accepted.size()).as("accepted before the kill")
        .isBetween(KILL_AFTER_ACCEPTED, MESSAGES - 1);
    assertThat(sends.rejected).as("sends refused before the kill").isEmpty();
    assertThat(resends.rejected).as("sends refused after the restart").isEmpty();
    assertThat(resends.failed).as("sends unanswered after the restart").isEmpty();
    assertThat(accepted).as("accepted msgIds").hasSize(MESSAGES);
    assertThat(outcome.missing()).as("accepted but never arrived").isEmpty();
    assertThat(outcome.underAnotherId()).as("delivered twice under different ids").isEmpty();
    assertThat(outcome.changedOnRedelivery()).as("redeliveries unlike the first").isEmpty();
    assertThat(outcome.unexpected()).as("frames and events that should not exist").isEmpty();
    assertThat(stopExit).as("exit code after SIGTERM").isEqualTo(ChildPlatform.TERMINATED);
    assertThat(first.errors()).as("errors in " + first.log()).isEmpty();
    assertThat(second.errors()).as("errors in " + second.log()).isEmpty();
  }

  /** The SIGKILL: the child's exit code, and how many sends were in flight, when. */
  private record Kill(int exitCode, int sendsInFlight, long atMillis) {}

  // --- what arrived ---------------------------------------------------------------------------

  /** What the phones and the bot got, and what is wrong with it. */
  private record Outcome(Map<String, Integer> frames, Map<String, Integer> events,
      List<String> missing, List<String> underAnotherId, List<String> changedOnRedelivery,
      List<String> unexpected) {

    /** The first few of each kind of problem, for the summary file. */
    String details() {
      StringBuilder out = new StringBuilder();
      Map<String, List<String>> kinds = new LinkedHashMap<>();
      kinds.put("missing", missing);
      kinds.put("under another id", underAnotherId);
      kinds.put("changed on redelivery", changedOnRedelivery);
      kinds.put("unexpected", unexpected);
      kinds.forEach((kind, problems) -> problems.stream().limit(20)
          .forEach(problem -> out.append(kind).append(": ").append(problem).append('\n')));
      return out.toString();
    }
  }

  /**
   * Polls until every accepted message reached its phone and was reported delivered to the bot,
   * and every user message the platform acked reached the bot; then waits a little for stragglers
   * and answers what arrived.
   */
  private Recovery awaitEverything(ChildPlatform platform, List<AckingPhone> phones,
      Set<String> accepted, Set<String> userMessages, long restarted)
      throws InterruptedException {
    long deadline = System.nanoTime() + EVERYTHING_ARRIVES_WITHIN.toNanos();
    long phonesDone = -1;
    Outcome outcome = outcome(phones, accepted, userMessages);
    while (!outcome.missing.isEmpty() && System.nanoTime() < deadline) {
      if (phonesDone < 0 && outcome.frames.keySet().containsAll(accepted)) {
        phonesDone = System.nanoTime();
      }
      platform.requireAlive();
      Thread.sleep(100);
      outcome = outcome(phones, accepted, userMessages);
    }
    long done = System.nanoTime();
    Thread.sleep(300);
    platform.requireAlive();
    return new Recovery(outcome(phones, accepted, userMessages),
        ((phonesDone < 0 ? done : phonesDone) - restarted) / 1_000_000,
        (done - restarted) / 1_000_000);
  }

  /** What arrived after the restart, and when the phones, then everyone, had everything. */
  private record Recovery(Outcome outcome, long phonesMillis, long everythingMillis) {}

  private Outcome outcome(List<AckingPhone> phones, Set<String> accepted,
      Set<String> userMessages) {
    Map<String, Integer> frames = new HashMap<>();
    List<String> missing = new ArrayList<>();
    List<String> underAnotherId = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    Map<String, String> msgIdByText = new HashMap<>();
    for (AckingPhone phone : phones) {
      phone.errors().forEach(error -> unexpected.add(phone.msisdn + " got " + error.encode()));
      phone.others().forEach(other -> unexpected.add(phone.msisdn + " got " + other.encode()));
      phone.messages().forEach((msgId, received) -> {
        frames.merge(msgId, received.size(), Integer::sum);
        JsonObject first = received.get(0);
        String text = first.getJsonObject("RCSMessage").getString("textMessage");
        if (!accepted.contains(msgId) || !phone.msisdn.equals(recipient(index(msgId)))
            || !text.equals(text(index(msgId)))) {
          unexpected.add(phone.msisdn + " got " + first.encode());
        }
        String earlier = msgIdByText.put(text, msgId);
        if (earlier != null && !earlier.equals(msgId)) {
          underAnotherId.add("'" + text + "' reached phones as " + earlier + " and " + msgId);
        }
        received.stream().filter(again -> !again.equals(first))
            .forEach(again -> changed.add(msgId + ": " + first.encode() + " then " + again));
      });
    }
    accepted.stream().filter(msgId -> !frames.containsKey(msgId)).sorted()
        .forEach(msgId -> missing.add("message " + msgId + " never reached its phone"));

    Map<String, List<String>> received = bot.received();
    Map<String, Integer> events = new HashMap<>();
    // One event id per logical event: (event, msgId, status) for a status, (event, msgId) for a
    // user's message, (event, user) for newUser.
    Map<String, String> eventIdByMeaning = new HashMap<>();
    received.forEach((eventId, bodies) -> {
      events.put(eventId, bodies.size());
      String firstBody = bodies.get(0);
      bodies.stream().filter(body -> !body.equals(firstBody))
          .forEach(body -> changed.add("event " + eventId + ": " + firstBody + " then " + body));
      JsonObject event = new JsonObject(firstBody);
      String meaning = meaning(event);
      String earlier = eventIdByMeaning.put(meaning, eventId);
      if (earlier != null) {
        underAnotherId.add(meaning + " came as events " + earlier + " and " + eventId);
      }
      if (event.getString("event").equals("messageStatus")
          && !"delivered".equals(event.getJsonObject("RCSMessage").getString("status"))) {
        unexpected.add("event " + event.encode());
      }
    });
    accepted.stream().sorted()
        .filter(msgId -> !eventIdByMeaning.containsKey("messageStatus " + msgId + " delivered"))
        .forEach(msgId -> missing.add("no messageStatus delivered event for " + msgId));
    userMessages.stream().sorted()
        .filter(msgId -> !eventIdByMeaning.containsKey("message " + msgId))
        .forEach(msgId -> missing.add("no message event for the user's acked " + msgId));
    return new Outcome(frames, events, missing, underAnotherId, changed, unexpected);
  }

  /** What the platform's status API says of the messages named in {@code missing}. */
  private static String platformStatuses(Sends sends, List<String> missing) {
    StringBuilder out = new StringBuilder();
    missing.stream().map(problem -> problem.replaceAll(".*(crash-\\d+).*", "$1"))
        .filter(msgId -> msgId.startsWith("crash-")).distinct().limit(20)
        .forEach(msgId -> out.append("the platform says of ").append(msgId).append(": ")
            .append(sends.http.get("/bot/v1/" + BOT + "/messages/" + msgId + "/status")
                .bearerTokenAuthentication(sends.token).send().await().bodyAsString())
            .append('\n'));
    return out.toString();
  }

  private static String meaning(JsonObject event) {
    String type = event.getString("event");
    JsonObject rcs = event.getJsonObject("RCSMessage");
    return switch (type) {
      case "messageStatus" -> type + " " + rcs.getString("msgId") + " " + rcs.getString("status");
      case "newUser" -> type + " " + event.getJsonObject("messageContact").getString("userContact");
      default -> type + " " + rcs.getString("msgId");
    };
  }

  private static int count(Map<String, Integer> deliveries) {
    return deliveries.values().stream().mapToInt(Integer::intValue).sum();
  }

  private static int redeliveries(Map<String, Integer> deliveries) {
    return count(deliveries) - deliveries.size();
  }

  // --- the chatbot's sends --------------------------------------------------------------------

  /** Sends through the Chatbot API with a bounded number in flight, recording the answers. */
  private final class Sends {
    final WebClient http;
    final String token;
    final Semaphore slots = new Semaphore(SENDS_IN_FLIGHT);
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    /** Sends without an answer (the platform died first), with the transport's error. */
    final Map<String, String> failed = new ConcurrentHashMap<>();
    /** Sends answered with anything but 202 or 200: the platform refused a valid message. */
    final Map<String, String> rejected = new ConcurrentHashMap<>();
    /** Sends answered 200: an earlier send with the same msgId had been stored. */
    final AtomicInteger repeats = new AtomicInteger();
    private final CountDownLatch killPoint = new CountDownLatch(KILL_AFTER_ACCEPTED);

    Sends(int port, String token) {
      this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
          .setDefaultPort(port), new PoolOptions().setHttp1MaxSize(SENDS_IN_FLIGHT));
      this.token = token;
    }

    /** Waits until KILL_AFTER_ACCEPTED sends were accepted. */
    void awaitKillPoint() {
      try {
        if (!killPoint.await(60, TimeUnit.SECONDS)) {
          throw new AssertionError("only " + accepted.size() + " sends accepted after 60 s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    int inFlight() {
      return SENDS_IN_FLIGHT - slots.availablePermits();
    }

    /** Sends messages in order until {@code stop} holds; answers the index of the next one. */
    int sendUntil(BooleanSupplier stop) throws InterruptedException {
      for (int i = 0; i < MESSAGES; i++) {
        slots.acquire();
        if (stop.getAsBoolean()) {
          slots.release();
          return i;
        }
        send(i);
      }
      return MESSAGES;
    }

    void sendFrom(int first) throws InterruptedException {
      for (int i = first; i < MESSAGES; i++) {
        slots.acquire();
        send(i);
      }
    }

    void resend(Set<String> msgIds) throws InterruptedException {
      for (String msgId : msgIds) {
        slots.acquire();
        send(index(msgId));
      }
    }

    /** The msgIds sent whose answer never came (the platform died first). */
    Set<String> unanswered() {
      return Set.copyOf(failed.keySet());
    }

    void awaitAnswers() throws InterruptedException {
      if (!slots.tryAcquire(SENDS_IN_FLIGHT, 30, TimeUnit.SECONDS)) {
        throw new AssertionError("sends still unanswered after 30 s");
      }
      slots.release(SENDS_IN_FLIGHT);
    }

    private void send(int index) {
      String msgId = msgId(index);
      http.post("/bot/v1/" + BOT + "/messages").bearerTokenAuthentication(token)
          .timeout(10_000)
          .sendJsonObject(sendRequest(index))
          .onComplete(answer -> {
            if (answer.succeeded() && (answer.result().statusCode() == 202
                || answer.result().statusCode() == 200)) {
              accepted.add(msgId);
              killPoint.countDown();
              if (answer.result().statusCode() == 200) {
                repeats.incrementAndGet();
              }
            } else if (answer.succeeded()) {
              rejected.put(msgId, answer.result().statusCode() + " "
                  + answer.result().bodyAsString());
            } else {
              failed.put(msgId, String.valueOf(answer.cause()));
            }
            slots.release();
          });
    }
  }

  private static String msgId(int index) {
    return "crash-%04d".formatted(index);
  }

  private static int index(String msgId) {
    return Integer.parseInt(msgId.substring("crash-".length()));
  }

  private static String text(int index) {
    return "message number " + index;
  }

  /** Messages go round the phones: online and offline alike. */
  private static String recipient(int index) {
    return msisdn(index % (ONLINE_PHONES + OFFLINE_PHONES));
  }

  private static String msisdn(int phone) {
    return "+86138000%05d".formatted(phone);
  }

  private static JsonObject sendRequest(int index) {
    return new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", recipient(index)))
        .put("RCSMessage", new JsonObject().put("msgId", msgId(index))
            .put("textMessage", text(index)));
  }

  // --- arrange --------------------------------------------------------------------------------

  private Map<String, String> environment(int port) throws IOException {
    Path config = dir.resolve("openmaap.json");
    Files.writeString(config, new JsonObject()
        .put("domain", "crash.local")
        .put("webhookTimeout", "2s")
        .put("webhookFirstRetry", "50ms")
        .put("webhookMaxDelay", "500ms")
        .encodePrettily(), StandardCharsets.UTF_8);
    return Map.of(
        "OPENMAAP_PORT", Integer.toString(port),
        "OPENMAAP_DATA_DIR", dir.resolve("data").toString(),
        "OPENMAAP_ADMIN_TOKEN", ADMIN_TOKEN,
        "OPENMAAP_NETWORK_TOKEN", NETWORK_TOKEN,
        "OPENMAAP_CONFIG", config.toString());
  }

  private ChildPlatform startChild(Map<String, String> env, String log) throws IOException {
    ChildPlatform child = ChildPlatform.start(env, LOGS.resolve(log));
    children.add(child);
    child.awaitHealthy(vertx, Duration.ofSeconds(30));
    return child;
  }

  private JsonObject register(WebClient http) {
    return Bots.register(http, ADMIN_TOKEN, new JsonObject().put("botId", BOT)
        .put("name", "Crash bot").put("webhookUrl", bot.url())
        .put("rateLimitPerSecond", 100_000));
  }

  private static void provision(WebClient http, String msisdn) {
    HttpResponse<Buffer> response = http.put("/network/v1/devices/" + msisdn)
        .bearerTokenAuthentication(NETWORK_TOKEN).sendJsonObject(new JsonObject()).await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
  }

  private List<AckingPhone> phones(int first, int count) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(ONLINE_PHONES + OFFLINE_PHONES));
    return IntStream.range(first, first + count)
        .mapToObj(i -> new AckingPhone(client, msisdn(i), BOT)).toList();
  }

  /** Online phones take turns sending their users' messages; answers the timer to cancel. */
  private long startUserMessages(List<AckingPhone> online) {
    int[] sent = {0};
    return vertx.setPeriodic(USER_MESSAGE_EVERY_MS, timer -> {
      int n = sent[0]++;
      if (n == USER_MESSAGES) {
        vertx.cancelTimer(timer);
        return;
      }
      online.get(n % online.size()).sendText("user says " + n);
    });
  }
}
