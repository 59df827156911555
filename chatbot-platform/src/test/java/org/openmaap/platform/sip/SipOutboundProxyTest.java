package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;

/** With an outbound proxy configured, requests to phones go to it (as to an IMS core). */
class SipOutboundProxyTest {

  private static final String PHONE = "+8613800000055";
  private static final Duration SCENARIO = Duration.ofSeconds(40);

  @TempDir
  Path dir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private int proxyPort;

  @BeforeEach
  void start() {
    Sipp.require();
    vertx = Vertx.vertx();
    proxyPort = Sipp.freePort();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir.resolve("data"))
        .withSip(SipSettings.listening("127.0.0.1:0")
            .withOutboundProxy("sip:127.0.0.1:" + proxyPort)));
    bot = FakeChatbot.start(vertx);
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
      bot.close();
      vertx.close().await();
    }
  }

  @Test
  void botsMessage_goesToTheProxy_addressedToThePhonesRegisteredContact() {
    String token = platform.token(platform.register("parcel", bot.url()));
    int sipPort = platform.platform.sipPort().orElseThrow();
    int contact = Sipp.freePort();
    try (Sipp proxy = Sipp.start(dir, "phone-inbox-accepts", "u1", proxyPort, sipPort, PHONE,
        Map.of())) {
      try (Sipp phone = Sipp.start(dir, "phone-registers", "u1", Sipp.freePort(), sipPort, PHONE,
          Map.of("inbox", Integer.toString(contact),
            "expires", "600"))) {
        phone.succeeds(SCENARIO);
      }
      HttpResponse<Buffer> sent = platform.send("parcel", token, new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", PHONE))
          .put("RCSMessage", new JsonObject().put("textMessage", "Via the core")));
      assertThat(sent.statusCode()).as(sent.bodyAsString()).isEqualTo(202);
      proxy.succeeds(SCENARIO);

      assertThat(proxy.messages()).contains("MESSAGE sip:" + PHONE + "@127.0.0.1:" + contact);
      Cpim received = ReceivedMessages.first(proxy.messages(), "MESSAGE");
      assertThat(received.content()).asString().isEqualTo("Via the core");
    }
  }

  @Test
  void capabilityQuery_goesToTheProxy_addressedToThePhonesRegisteredContact() {
    String token = platform.token(platform.register("parcel", bot.url()));
    int sipPort = platform.platform.sipPort().orElseThrow();
    int contact = Sipp.freePort();
    try (Sipp proxy = Sipp.start(dir, "phone-inbox-options-rcs", "u1", proxyPort, sipPort,
        PHONE, Map.of())) {
      try (Sipp phone = Sipp.start(dir, "phone-registers", "u1", Sipp.freePort(), sipPort, PHONE,
          Map.of("inbox", Integer.toString(contact), "expires", "600"))) {
        phone.succeeds(SCENARIO);
      }
      JsonObject capabilities = platform.http.get("/bot/v1/parcel/contactCapabilities?userContact="
              + PHONE.replace("+", "%2B") + "&refresh=true")
          .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
      proxy.succeeds(SCENARIO);

      assertThat(proxy.messages()).contains("OPTIONS sip:" + PHONE + "@127.0.0.1:" + contact);
      assertThat(capabilities.getJsonArray("features").getList())
          .containsExactly("chatbot", "richcard", "carousel", "geolocationPush");
    }
  }
}
