package org.openmaap.platform.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.Failures;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.SmppSettings;
import org.openmaap.platform.sms.SmsGateway;

/** The SMS-only phone's HTTP side, mounted on a router, in front of a real SMSC and ESME. */
class SmsInboxTest {

  private static final String PHONE = "+8613800000002";
  private static final String SENDER = SmppSettings.DEFAULT_SOURCE_ADDRESS;
  private static final long BOUND_MS = 10_000;

  private final Vertx vertx = Vertx.vertx();
  private final Promise<JsonObject> inbound = Promise.promise();
  private final Promise<Void> receipts = Promise.promise();
  private EmbeddedSmsc smsc;
  private SmsGateway gateway;
  private HttpServer server;
  private WebClient http;

  @BeforeEach
  void start() {
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
    await(smsc.start());
    gateway = new SmsGateway(vertx, SmppSettings.defaults().withServer("127.0.0.1", smsc.port())
        .withTimings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(1)),
        new SmsGateway.Listener() {
          private int count;

          @Override
          public void onReceipt(String smscMessageId, String stat, String err) {
            if (++count == 3) {
              receipts.complete();
            }
          }

          @Override
          public void onMessage(String from, String to, String text) {
            inbound.tryComplete(new JsonObject().put("from", from).put("to", to)
                .put("text", text));
          }
        });
    await(gateway.start());
    SmsInbox sms = new SmsInbox(smsc);
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    router.get("/network/v1/sms/:msisdn/inbox").respond(sms::inbox);
    router.post("/network/v1/sms/:msisdn/outbox").respond(sms::send);
    router.route().failureHandler(Failures::handle);
    server = await(vertx.createHttpServer().requestHandler(router).listen(0));
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost")
        .setDefaultPort(server.actualPort()));
  }

  @AfterEach
  void stop() {
    await(gateway.stop());
    await(smsc.stop());
    await(vertx.close());
  }

  @Test
  void inbox_textsSent_listedJoinedWithACursor() {
    await(gateway.submit(PHONE, "Your code is 4711", "m-1"));
    await(gateway.submit(PHONE, "长".repeat(100), "m-2")); // two UCS-2 parts
    await(receipts.future()); // one per part, sent once the SMSC has filed it

    JsonObject page = get("/network/v1/sms/" + PHONE + "/inbox").bodyAsJsonObject();

    JsonArray messages = page.getJsonArray("messages");
    assertThat(messages).hasSize(2);
    JsonObject first = messages.getJsonObject(0);
    assertThat(first.fieldNames())
        .containsExactlyInAnyOrder("id", "from", "text", "encoding", "segments", "receivedAt");
    assertThat(first.getString("from")).isEqualTo(SENDER);
    assertThat(first.getString("text")).isEqualTo("Your code is 4711");
    assertThat(first.getString("encoding")).isEqualTo("GSM-7");
    assertThat(messages.getJsonObject(1).getString("text")).isEqualTo("长".repeat(100));
    assertThat(messages.getJsonObject(1).getString("encoding")).isEqualTo("UCS-2");
    assertThat(messages.getJsonObject(1).getInteger("segments")).isEqualTo(2);
    assertThat(page.getString("cursor")).isNotBlank();
  }

  @Test
  void inbox_sinceTheLastCursor_onlyNewerTexts() {
    await(gateway.submit(PHONE, "first", "m-1"));
    await(gateway.submit(PHONE, "second", "m-2"));
    await(gateway.submit(PHONE, "third", "m-3"));
    await(receipts.future());
    String cursor = get("/network/v1/sms/tel:" + PHONE + "/inbox").bodyAsJsonObject()
        .getString("cursor");

    JsonObject none = get("/network/v1/sms/" + PHONE + "/inbox?since=" + cursor)
        .bodyAsJsonObject();

    assertThat(none.getJsonArray("messages")).isEmpty();
    assertThat(none.getString("cursor")).isEqualTo(cursor);
    assertThat(get("/network/v1/sms/+8613900000000/inbox").bodyAsJsonObject()
        .getJsonArray("messages")).isEmpty();
  }

  @Test
  void inbox_cursorNotANumber_400() {
    HttpResponse<Buffer> response = get("/network/v1/sms/" + PHONE + "/inbox?since=abc");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("bad_cursor");
  }

  @Test
  void outbox_answer_reachesThePlatformAsAHandsetSms() {
    HttpResponse<Buffer> response = post("/network/v1/sms/" + PHONE + "/outbox",
        new JsonObject().put("to", SENDER).put("text", "2"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject().getString("from")).isEqualTo(PHONE);
    assertThat(await(inbound.future())).isEqualTo(
        new JsonObject().put("from", PHONE).put("to", SENDER).put("text", "2"));
  }

  @Test
  void outbox_textMissing_400() {
    HttpResponse<Buffer> response = post("/network/v1/sms/" + PHONE + "/outbox",
        new JsonObject().put("to", SENDER));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("text must be a string");
  }

  @Test
  void outbox_notAPhoneNumber_400() {
    HttpResponse<Buffer> response = post("/network/v1/sms/not-a-phone/outbox",
        new JsonObject().put("to", SENDER).put("text", "hi"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("bad_phone");
  }

  private HttpResponse<Buffer> get(String path) {
    return await(http.get(path).send());
  }

  private HttpResponse<Buffer> post(String path, JsonObject body) {
    return await(http.post(path).sendJsonObject(body));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(BOUND_MS, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("not done after " + BOUND_MS + " ms", e);
    }
  }
}
