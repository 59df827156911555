package org.openmaap.samples.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.Eventually;

/** The webhook endpoint of a chatbot, called over HTTP as the platform calls it. */
class WebhookReceiverTest {

  private static final String SECRET = "whsec-test";
  private static final String BODY = """
      {"event": "message", "messageContact": {"userContact": "+8613800000001"},
       "RCSMessage": {"msgId": "m1", "textMessage": "hi"}, "conversationId": "c1",
       "contributionId": "k1", "channel": "rcs"}""";

  private Vertx vertx;
  private ChatbotServer server;
  private WebClient http;
  private final List<Event> handled = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failNext = new AtomicBoolean();
  private final AtomicReference<Promise<Void>> holdNext = new AtomicReference<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = ChatbotServer.listen(vertx, "localhost", 0).await();
    server.serve(SECRET, event -> {
      if (failNext.getAndSet(false)) {
        return Future.failedFuture(new IllegalStateException("the shop's database is down"));
      }
      handled.add(event);
      Promise<Void> hold = holdNext.getAndSet(null);
      return hold != null ? hold.future() : Future.succeededFuture();
    });
    http = WebClient.create(vertx);
  }

  @AfterEach
  void stop() {
    http.close();
    server.close().await();
    vertx.close().await();
  }

  @Test
  void signedEvent_reachesTheChatbotOnce_evenWhenDeliveredAgain() {
    String now = Long.toString(Instant.now().getEpochSecond());

    HttpResponse<Buffer> first = post("evt-1", now, "v1=" + hmac(SECRET, now + "." + BODY));
    HttpResponse<Buffer> again = post("evt-1", now, "v1=" + hmac(SECRET, now + "." + BODY));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
    Event event = handled.get(0);
    assertThat(event.id()).isEqualTo("evt-1");
    assertThat(event.type()).isEqualTo(Event.Type.MESSAGE);
    assertThat(event.user()).isEqualTo("+8613800000001");
    assertThat(event.text()).isEqualTo("hi");
    assertThat(event.bySms()).isFalse();
  }

  @Test
  void signatureWithAnotherSecret_isRefused() {
    String now = Long.toString(Instant.now().getEpochSecond());

    HttpResponse<Buffer> response = post("evt-2", now, "v1=" + hmac("not-ours", now + "." + BODY));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("X-Maap-Signature");
    assertThat(handled).isEmpty();
  }

  @Test
  void signedButOldTimestamp_isRefusedAsAReplay() {
    String tenMinutesAgo = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());

    HttpResponse<Buffer> response = post("evt-3", tenMinutesAgo,
        "v1=" + hmac(SECRET, tenMinutesAgo + "." + BODY));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("X-Maap-Timestamp");
    assertThat(handled).isEmpty();
  }

  @Test
  void duringARotation_eitherOfTwoSignaturesWillDo() {
    String now = Long.toString(Instant.now().getEpochSecond());
    String rotated = "v1=" + hmac("the-new-secret", now + "." + BODY) + ", v1="
        + hmac(SECRET, now + "." + BODY);

    HttpResponse<Buffer> response = post("evt-4", now, rotated);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void chatbotFailure_answers500_andTheRedeliveryIsHandled() {
    String now = Long.toString(Instant.now().getEpochSecond());
    String signature = "v1=" + hmac(SECRET, now + "." + BODY);
    failNext.set(true);

    HttpResponse<Buffer> failed = post("evt-5", now, signature);
    HttpResponse<Buffer> retried = post("evt-5", now, signature);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(handled).extracting(Event::id).containsExactly("evt-5");
  }

  @Test
  void redeliveryWhileTheFirstIsStillAtWork_isAskedToComeBackLater() {
    String now = Long.toString(Instant.now().getEpochSecond());
    String signature = "v1=" + hmac(SECRET, now + "." + BODY);
    Promise<Void> slow = Promise.promise();
    holdNext.set(slow);
    Future<HttpResponse<Buffer>> first = request("evt-6", now, signature);
    Eventually.until(() -> handled.size(), size -> size == 1, Duration.ofSeconds(5));

    HttpResponse<Buffer> meanwhile = post("evt-6", now, signature);
    slow.complete();
    HttpResponse<Buffer> afterwards = post("evt-6", now, signature);

    assertThat(meanwhile.statusCode()).isEqualTo(503);
    assertThat(first.await().statusCode()).isEqualTo(200);
    assertThat(afterwards.statusCode()).isEqualTo(200);
    assertThat(handled).hasSize(1);
  }

  @Test
  void unsignedRequest_isRefused() {
    HttpResponse<Buffer> response = http.postAbs(server.webhookUrl())
        .sendBuffer(Buffer.buffer(BODY)).await();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(handled).isEmpty();
  }

  private HttpResponse<Buffer> post(String eventId, String timestamp, String signature) {
    return request(eventId, timestamp, signature).await();
  }

  private Future<HttpResponse<Buffer>> request(String eventId, String timestamp,
      String signature) {
    return http.postAbs(server.webhookUrl())
        .putHeader("Content-Type", "application/json")
        .putHeader("X-Maap-Event-Id", eventId)
        .putHeader("X-Maap-Timestamp", timestamp)
        .putHeader("X-Maap-Signature", signature)
        .sendBuffer(Buffer.buffer(BODY));
  }

  private static String hmac(String secret, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
