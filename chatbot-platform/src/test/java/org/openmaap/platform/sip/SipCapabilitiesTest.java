package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;

/** The platform's OPTIONS to registered SIPp phones, behind the Chatbot API's capabilities. */
class SipCapabilitiesTest {

  private static final String PHONE = "+8613800000088";
  private static final Duration SCENARIO = Duration.ofSeconds(40);
  private static final Pattern OPTIONS_RECEIVED =
      Pattern.compile("message received[^\\n]*\\n\\s*OPTIONS sip:");

  @TempDir
  Path dir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;
  private int sipPort;

  @BeforeEach
  void start() {
    Sipp.require();
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir.resolve("data"))
        .withSip(SipSettings.listening("127.0.0.1:0")));
    sipPort = platform.platform.sipPort().orElseThrow();
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register("parcel", bot.url()));
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
  void phoneAnsweringOptionsWithChatbotTags_isRcs_withTheFeaturesItNamed_andRefreshAsksAgain() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-options-rcs", "u1", inbox, sipPort, PHONE,
        Map.of(), 2)) {
      registers(inbox);

      JsonObject asked = capabilities(true);
      JsonObject kept = capabilities(false);
      JsonObject askedAgain = capabilities(true);
      phoneInbox.succeeds(SCENARIO);

      // A plain REGISTER said the default features; the phone's OPTIONS answer says otherwise.
      assertThat(asked.getBoolean("rcs")).isTrue();
      assertThat(asked.getJsonArray("features").getList())
          .containsExactly("chatbot", "richcard", "carousel", "geolocationPush");
      assertThat(asked.getBoolean("cached")).isFalse();
      assertThat(kept.getBoolean("cached")).isTrue();
      assertThat(kept.getJsonArray("features")).isEqualTo(asked.getJsonArray("features"));
      assertThat(askedAgain.getBoolean("cached")).isFalse();
      assertThat(OPTIONS_RECEIVED.matcher(phoneInbox.messages()).results().count())
          .isEqualTo(2);
    }
  }

  @Test
  void phoneAnsweringOptions480_isNotRcs_andThatIsCached() {
    int inbox = Sipp.freePort();
    try (Sipp phoneInbox = Sipp.start(dir, "phone-inbox-options-unavailable", "u1", inbox,
        sipPort, PHONE, Map.of())) {
      registers(inbox);

      JsonObject asked = capabilities(true);
      phoneInbox.succeeds(SCENARIO);
      JsonObject kept = capabilities(false);

      assertThat(asked.getBoolean("rcs")).isFalse();
      assertThat(asked.getJsonArray("features")).isEmpty();
      assertThat(kept.getBoolean("rcs")).isFalse();
      assertThat(kept.getBoolean("cached")).isTrue();
    }
  }

  @Test
  void phoneNotAnsweringOptions_isNotRcs() {
    registers(Sipp.freePort());

    JsonObject asked = capabilities(true);

    assertThat(asked.getBoolean("rcs")).isFalse();
    assertThat(asked.getJsonArray("features")).isEmpty();
  }

  /** The phone registers, without feature tags, the inbox at port {@code inbox}. */
  private void registers(int inbox) {
    try (Sipp phone = Sipp.start(dir, "phone-registers", "u1", Sipp.freePort(), sipPort, PHONE,
        Map.of("inbox", Integer.toString(inbox), "expires", "600"))) {
      phone.succeeds(SCENARIO);
    }
  }

  private JsonObject capabilities(boolean refresh) {
    return platform.http.get("/bot/v1/parcel/contactCapabilities?userContact="
            + PHONE.replace("+", "%2B") + (refresh ? "&refresh=true" : ""))
        .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
  }
}
