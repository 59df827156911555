package org.openmaap.samples.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.openmaap.samples.kit.Suggestions.reply;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.TestDevice;
import org.openmaap.samples.kit.ChatbotClient.Sent;

/** The Chatbot API client against a running platform, with a real phone on the other side. */
class ChatbotClientTest {

  private static final String USER = "+8613800000401";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot webhook;
  private ChatbotClient api;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    webhook = FakeChatbot.start(vertx);
    JsonObject registration = platform.register("kit-bot", webhook.url());
    api = ChatbotClient.create(vertx, credentials(registration.getString("clientSecret"),
        registration));
  }

  @AfterEach
  void stop() {
    api.close();
    webhook.close();
    platform.close();
    vertx.close().await();
  }

  private Credentials credentials(String clientSecret, JsonObject registration) {
    return new Credentials("http://localhost:" + platform.port(), "kit-bot",
        registration.getString("clientId"), clientSecret, registration.getString("webhookSecret"));
  }

  /** The network learns the phone has RCS, though it is not connected. */
  private void provisionRcs(String msisdn) {
    platform.request(HttpMethod.PUT, "/network/v1/devices/" + msisdn.replace("+", "%2B"))
        .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
        .sendJsonObject(new JsonObject()).await();
  }

  @Test
  void send_reachesThePhone_andStatusFollowsItsDeliveryReport() {
    try (TestDevice phone = platform.device(USER)) {
      Sent sent = api.send(USER, Message.text("Your table is ready.")
          .chips(reply("On my way", "coming"))).await();
      JsonObject frame = phone.next("message");
      phone.send(new JsonObject().put("type", "delivered").put("msgId", sent.msgId()));

      assertThat(sent.status()).isEqualTo("pending");
      assertThat(frame.getString("msgId")).isEqualTo(sent.msgId());
      assertThat(frame.getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Your table is ready.");
      assertThat(Eventually.until(() -> api.status(sent.msgId()).await(),
          "delivered"::equals, Duration.ofSeconds(5))).isEqualTo("delivered");
    }
  }

  @Test
  void revoke_beforeThePhoneHasIt_cancels_andAfterItIsDelivered_cannot() {
    provisionRcs(USER);
    Sent waiting = api.send(USER, Message.text("Out for delivery")).await();

    boolean cancelled = api.revoke(waiting.msgId()).await();

    assertThat(cancelled).isTrue();
    assertThat(api.status(waiting.msgId()).await()).isEqualTo("cancelled");
    try (TestDevice phone = platform.device(USER)) {
      Sent delivered = api.send(USER, Message.text("Delivered")).await();
      phone.next(frame -> delivered.msgId().equals(frame.getString("msgId")));
      phone.send(new JsonObject().put("type", "delivered").put("msgId", delivered.msgId()));
      Eventually.until(() -> api.status(delivered.msgId()).await(), "delivered"::equals,
          Duration.ofSeconds(5));

      assertThat(api.revoke(delivered.msgId()).await()).isFalse();
    }
  }

  @Test
  void capabilities_tellAnRcsPhoneFromAnSmsOnlyOne() {
    provisionRcs(USER);

    ChatbotClient.Capabilities rcs = api.capabilities(USER, false).await();
    ChatbotClient.Capabilities sms = api.capabilities("+8613800000499", false).await();

    assertThat(rcs.rcs()).isTrue();
    assertThat(rcs.features()).contains("richcard");
    assertThat(sms.rcs()).isFalse();
  }

  @Test
  void markRead_showsTheUserARedReceipt() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "kit-bot")
          .put("RCSMessage", new JsonObject().put("textMessage", "Is it raining?")));
      String received = webhook.next("message").event().getJsonObject("RCSMessage")
          .getString("msgId");

      api.markRead(received).await();

      assertThat(phone.next("displayed").getString("msgId")).isEqualTo(received);
    }
  }

  @Test
  void upload_putsTheFileOnTheContentServer_whereThePhoneFetchesIt() {
    Buffer menu = Buffer.buffer("%PDF-1.4 today's specials");

    ChatbotClient.UploadedFile file = api.upload("menu.pdf", "application/pdf", menu).await();
    HttpResponse<Buffer> fetched = platform.http.getAbs(file.fileUrl()).send().await();

    assertThat(file.fileUrl()).startsWith("http://localhost:" + platform.port() + "/");
    assertThat(file.fileSize()).isEqualTo(menu.length());
    assertThat(file.contentType()).isEqualTo("application/pdf");
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(menu);
  }

  @Test
  void invalidMessage_failsWithEveryViolation() {
    ApiException refused = catchThrowableOfType(ApiException.class,
        () -> api.send(USER, Message.text("")).await());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.violations().getJsonObject(0).getString("path"))
        .isEqualTo("/RCSMessage/textMessage");
    assertThat(refused.violations().getJsonObject(0).getString("code")).isEqualTo("too_short");
  }

  @Test
  void wrongClientSecret_failsWith401() {
    ChatbotClient impostor = ChatbotClient.create(vertx, credentials("not-the-secret",
        platform.register("other-bot", webhook.url())));

    ApiException refused = catchThrowableOfType(ApiException.class,
        () -> impostor.send(USER, Message.text("hello")).await());
    impostor.close();

    assertThat(refused.status()).isEqualTo(401);
  }
}
