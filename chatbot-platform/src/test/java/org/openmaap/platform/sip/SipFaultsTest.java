package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;

/** What phones get wrong gets a 4xx with a reason, and never stops the interface for others. */
class SipFaultsTest {

  private static final String BAD_PHONE = "+8613800000066";
  private static final String GOOD_PHONE = "+8613800000067";
  private static final int MAX_BODY = 4096;

  @TempDir
  Path dir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private int sipPort;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir.resolve("data"))
        .withSip(SipSettings.listening("127.0.0.1:0").withMaxBodyBytes(MAX_BODY)));
    sipPort = platform.platform.sipPort().orElseThrow();
    bot = FakeChatbot.start(vertx);
    platform.register("parcel", bot.url());
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void malformedSipCpimAndXml_get4xxWithReasons_andAnotherPhoneIsStillServed() {
    Sipp.require();
    List<String> logged;
    try (CapturedLog log = CapturedLog.start()) {
      RawSip.garbage(sipPort, "NOT SIP AT ALL\r\n\u0000\u0001\r\n\r\n".getBytes(
          StandardCharsets.ISO_8859_1));
      try (Sipp bad = Sipp.start(dir, "phone-malformed", "u1", Sipp.freePort(), sipPort,
          BAD_PHONE, Map.of("bot", "parcel"))) {
        bad.succeeds(Duration.ofSeconds(40));
      }
      logged = log.lines();
    }
    try (Sipp good = Sipp.start(dir, "phone-writes", "u1", Sipp.freePort(), sipPort,
        GOOD_PHONE, Map.of("bot", "parcel", "inbox", Integer.toString(Sipp.freePort())))) {
      good.succeeds(Duration.ofSeconds(40));
    }

    FakeChatbot.Received message = bot.next("message");
    assertThat(message.event().getJsonObject("messageContact").getString("userContact"))
        .isEqualTo(GOOD_PHONE);
    assertThat(bot.noneWithin(event -> BAD_PHONE.equals(event.getJsonObject("messageContact",
        new JsonObject()).getString("userContact")), Duration.ofMillis(300))).isTrue();
    // Each refusal is in the log with its reason, for the operator to see which phone errs how.
    assertThat(logged).anyMatch(line -> line.startsWith("INFO malformed SIP refused")
        && line.contains("NOT SIP AT ALL"));
    for (String reason : List.of("DOCTYPE", "no blank line", "application/x-anything",
        "application/x-nothing-known", "no chatbot 'nobody'", "not a phone number",
        "not a JSON object", "problem")) {
      assertThat(logged).as(reason).anyMatch(line -> line.startsWith("INFO ")
          && line.contains("refused") && line.contains(reason));
    }
  }

  @Test
  void malformedSipHeaders_are400ByTheStack_logged_andAnotherPhoneIsStillServed() {
    byte[] text = "Hello?".getBytes(StandardCharsets.UTF_8);
    String rest = "To: <sip:parcel@test.local>\r\nCall-ID: bad-" + System.nanoTime() + "\r\n"
        + "Max-Forwards: 70\r\nContent-Type: text/plain\r\n";
    List<String> logged;
    String badFrom;
    String badCseq;
    try (CapturedLog log = CapturedLog.start()) {
      badFrom = RawSip.request(sipPort, "parcel", "From: <<sip:garbage;;==\r\n"
          + "CSeq: 1 MESSAGE\r\n" + rest, text);
      badCseq = RawSip.request(sipPort, "parcel", "From: <sip:" + BAD_PHONE
          + "@ims.test>;tag=a\r\nCSeq: one MESSAGE\r\n" + rest, text);
      logged = log.lines();
    }
    String served = RawSip.message(sipPort, GOOD_PHONE, "parcel", "text/plain", "", text);

    assertThat(badFrom).startsWith("SIP/2.0 400 ").contains("From");
    assertThat(badCseq).startsWith("SIP/2.0 400 ").contains("CSeq");
    assertThat(logged).anyMatch(line -> line.startsWith("INFO malformed SIP refused")
        && line.contains("From: <<sip:garbage"));
    assertThat(logged).anyMatch(line -> line.startsWith("INFO malformed SIP refused")
        && line.contains("CSeq: one MESSAGE"));
    assertThat(served).isEqualTo("SIP/2.0 202 Accepted");
    assertThat(bot.next("message").event().getJsonObject("messageContact")
        .getString("userContact")).isEqualTo(GOOD_PHONE);
  }

  @Test
  void bodyOverTheLimit_is513_andADeflatedBodyIsInflated() {
    byte[] big = RawSip.cpimText(BAD_PHONE, "parcel", "x".repeat(MAX_BODY));
    byte[] deflated = deflate(RawSip.cpimText(GOOD_PHONE, "parcel", "Packed small"));
    byte[] bomb = deflate(RawSip.cpimText(BAD_PHONE, "parcel", "y".repeat(MAX_BODY * 100)));

    String tooLarge = RawSip.message(sipPort, BAD_PHONE, "parcel", "message/cpim", "", big);
    String bombed = RawSip.message(sipPort, BAD_PHONE, "parcel", "message/cpim",
        "Content-Encoding: deflate\r\n", bomb);
    String unknownEncoding = RawSip.message(sipPort, BAD_PHONE, "parcel", "message/cpim",
        "Content-Encoding: br\r\n", deflated);
    String inflated = RawSip.message(sipPort, GOOD_PHONE, "parcel", "message/cpim",
        "Content-Encoding: deflate\r\n", deflated);
    String tooLargeOverTcp = RawSip.messageOverTcp(sipPort, BAD_PHONE, "parcel", "message/cpim",
        RawSip.cpimText(BAD_PHONE, "parcel", "z".repeat(MAX_BODY * 2)));

    assertThat(tooLarge).startsWith("SIP/2.0 513 ").contains("the limit is " + MAX_BODY);
    assertThat(tooLargeOverTcp).startsWith("SIP/2.0 513 ").contains("the limit is " + MAX_BODY);
    assertThat(bombed).startsWith("SIP/2.0 513 ");
    assertThat(unknownEncoding).startsWith("SIP/2.0 415 ").contains("'br'");
    assertThat(inflated).isEqualTo("SIP/2.0 202 Accepted");
    FakeChatbot.Received message = bot.next("message");
    assertThat(message.event().getJsonObject("messageContact").getString("userContact"))
        .isEqualTo(GOOD_PHONE);
    assertThat(message.event().getJsonObject("RCSMessage").getString("textMessage"))
        .isEqualTo("Packed small");
  }

  @Test
  void bodyFarBeyondTheStacksLimitOverTcp_closesThatConnection_andOthersAreStillServed() {
    // Past the body limit and the stack's headroom for headers, JAIN-SIP stops reading and drops
    // the connection: it never buffers what it was not asked to take.
    byte[] huge = RawSip.cpimText(BAD_PHONE, "parcel", "h".repeat(MAX_BODY + 200_000));

    String dropped = RawSip.messageOverTcp(sipPort, BAD_PHONE, "parcel", "message/cpim", huge);
    String served = RawSip.messageOverTcp(sipPort, GOOD_PHONE, "parcel", "message/cpim",
        RawSip.cpimText(GOOD_PHONE, "parcel", "Still there"));

    assertThat(dropped).isNull();
    assertThat(served).isEqualTo("SIP/2.0 202 Accepted");
    assertThat(bot.next("message").event().getJsonObject("RCSMessage").getString("textMessage"))
        .isEqualTo("Still there");
  }

  private static byte[] deflate(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflater = new DeflaterOutputStream(out,
        new Deflater(Deflater.BEST_COMPRESSION))) {
      deflater.write(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
