package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;

/** A real RCS-less SIP client, linphonec, chatting with a chatbot through the platform. */
class LinphoneTest {

  private static final String PHONE = "+8613800000099";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;

  @BeforeEach
  void start() {
    Linphone.require();
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir.resolve("data"))
        .withSip(SipSettings.listening("127.0.0.1:0")));
    bot = FakeChatbot.start(vertx);
    // An echo bot: it answers each text in the webhook's answer (a synchronous reply).
    bot.answer(event -> "message".equals(event.getString("event"))
        ? new FakeChatbot.Answer(200, new JsonObject().put("RCSMessage", new JsonObject()
            .put("textMessage", "You said: " + event.getJsonObject("RCSMessage")
                .getString("textMessage"))))
        : FakeChatbot.Answer.OK);
    platform.register("echo", bot.url());
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
  void linphone_registers_writesToABot_andGetsItsTextAnswer_whichItReportsDelivered() {
    int sipPort = platform.platform.sipPort().orElseThrow();
    try (Linphone phone = Linphone.start(dir.resolve("linphone"), "sip:" + PHONE + "@127.0.0.1",
        sipPort)) {
      phone.awaitRegistered(WAIT);

      phone.command("chat sip:echo@127.0.0.1:" + sipPort + " Hello bot");

      FakeChatbot.Received message = bot.next("message");
      assertThat(message.event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(PHONE);
      assertThat(message.event().getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Hello bot");
      String answer = phone.awaitLine(line -> line.contains("Message received from"), WAIT);
      assertThat(answer).endsWith(": You said: Hello bot");
      // linphone reports what it got with an IMDN (deflated when it compresses).
      assertThat(bot.next(event -> "messageStatus".equals(event.getString("event"))
              && "delivered".equals(event.getJsonObject("RCSMessage").getString("status")),
          WAIT).event().getJsonObject("messageContact").getString("userContact"))
          .isEqualTo(PHONE);
    }
  }
}
