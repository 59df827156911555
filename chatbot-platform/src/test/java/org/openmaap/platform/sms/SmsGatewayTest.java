package org.openmaap.platform.sms;

import org.openmaap.platform.Eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openmaap.card.sms.Gsm7;
import org.openmaap.card.sms.SmsSegments;
import org.openmaap.platform.sms.EmbeddedSmsc.IdFormat;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;
import org.openmaap.platform.sms.Recorder.Receipt;
import org.openmaap.platform.sms.Recorder.Sms;

/** Real SMPP over loopback between the gateway and the embedded SMSC. */
class SmsGatewayTest {

  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String PHONE = "+8613800000001";
  private static final String SENDER = SmppSettings.DEFAULT_SOURCE_ADDRESS;

  private final Vertx vertx = Vertx.vertx();
  private final Recorder recorder = new Recorder();
  private final List<SmsGateway> gateways = new ArrayList<>();
  private final List<EmbeddedSmsc> smscs = new ArrayList<>();

  @AfterEach
  void close() {
    gateways.forEach(gateway -> await(gateway.stop()));
    smscs.forEach(smsc -> await(smsc.stop()));
    await(vertx.close());
  }

  @Test
  void submit_shortGsm7Text_arrivesWholeAsOnePart() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SmsGateway gateway = gateway(smsc.port());
    String text = "Table for 2 @ 19:30, £12 deposit. Reply 1 to confirm_";

    SubmitResult result = await(gateway.submit(PHONE, text, "m-1"));

    InboxMessage received = single(inboxOf(smsc, 1));
    assertThat(received.text()).isEqualTo(text);
    assertThat(received.encoding()).isEqualTo("GSM-7");
    assertThat(received.segments()).isEqualTo(1);
    assertThat(received.from()).isEqualTo(SENDER);
    assertThat(result).isEqualTo(new SubmitResult("m-1", List.of(received.id())));
    SubmittedPart part = single(smsc.parts());
    assertThat(part.dataCoding()).isZero();
    assertThat(part.esmClass()).isZero();
    assertThat(part.registeredDelivery()).isEqualTo((byte) 1);
    assertThat(part.shortMessage()).isEqualTo(Gsm7.encode(text));
  }

  @Test
  void submit_400Gsm7CharsWithExtensions_partsNeverSplitAnEscape() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SmsGateway gateway = gateway(smsc.port());
    // The euro sign is the 153rd and 154th septet: it cannot end the first part.
    String text = ("x".repeat(152) + "€"
        + "Menu [today]: soup {hot} ~ 4€ | bread ^ 1€ \\ water 0€. ".repeat(6)).substring(0, 400);

    SubmitResult result = await(gateway.submit(PHONE, text, "m-long"));

    InboxMessage received = single(inboxOf(smsc, 1));
    assertThat(received.text()).isEqualTo(text);
    assertThat(received.segments()).isEqualTo(SmsSegments.split(text).count()).isGreaterThan(2);
    // Parts travel side by side in the window, so the SMSC may get them in any order.
    List<SubmittedPart> parts = smsc.parts().stream()
        .sorted(Comparator.comparingInt(part -> part.shortMessage()[5])).toList();
    assertThat(parts).extracting(SubmittedPart::messageId)
        .containsExactlyElementsOf(result.messageIds());
    byte reference = parts.get(0).shortMessage()[3];
    for (int i = 0; i < parts.size(); i++) {
      SubmittedPart part = parts.get(i);
      byte[] bytes = part.shortMessage();
      assertThat(part.dataCoding()).isZero();
      assertThat(part.esmClass()).isEqualTo(UserData.UDHI);
      assertThat(bytes).startsWith(0x05, 0x00, 0x03, reference, parts.size(), i + 1);
      assertThat(bytes.length - 6).isLessThanOrEqualTo(153);
      assertThat(bytes[bytes.length - 1]).as("part %d ends in an escape", i + 1)
          .isNotEqualTo((byte) Gsm7.ESCAPE);
    }
    assertThat(parts.get(0).shortMessage()).hasSize(6 + 152);
  }

  @Test
  void submit_ucs2TextWithEmoji_partsNeverSplitASurrogatePair() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SmsGateway gateway = gateway(smsc.port());
    String text = "您好".repeat(33) + "👋🏽" + " 明天见 🙂 Grüße ".repeat(5);

    await(gateway.submit(PHONE, text, "m-ucs2"));

    InboxMessage received = single(inboxOf(smsc, 1));
    assertThat(received.text()).isEqualTo(text);
    assertThat(received.encoding()).isEqualTo("UCS-2");
    for (SubmittedPart part : smsc.parts()) {
      assertThat(part.dataCoding()).isEqualTo(UserData.UCS_2);
      assertThat(part.esmClass()).isEqualTo(UserData.UDHI);
      byte[] payload = UserData.parse(part.esmClass(), part.shortMessage()).payload();
      String alone = new String(payload, StandardCharsets.UTF_16BE);
      assertThat(payload.length).isEven().isLessThanOrEqualTo(134);
      assertThat(Character.isLowSurrogate(alone.charAt(0))).isFalse();
      assertThat(Character.isHighSurrogate(alone.charAt(alone.length() - 1))).isFalse();
    }
  }

  @ParameterizedTest(name = "submit_sm_resp {0}, receipt text {1}, receipted_message_id {2}")
  @CsvSource({"HEX, DECIMAL, false", "DECIMAL, HEX, false", "HEX, HEX, true"})
  void onReceipt_idsInEitherBase_matchTheSubmittedIds(IdFormat submitIds, IdFormat receiptIds,
      boolean receiptTlv) {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults()
        .withIds(submitIds, receiptIds, receiptTlv));
    SmsGateway gateway = gateway(smsc.port());

    SubmitResult result = await(gateway.submit(PHONE, "z".repeat(200), "m-receipt"));
    List<Receipt> receipts = await(recorder.receipts(2));

    assertThat(receipts).extracting(Receipt::id)
        .containsExactlyInAnyOrderElementsOf(result.messageIds());
    assertThat(receipts).extracting(Receipt::stat, Receipt::err)
        .containsOnly(tuple("DELIVRD", "000"));
  }

  @Test
  void onReceipt_undeliverable_reportsStatAndErr() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SmsGateway gateway = gateway(smsc.port());
    smsc.failNextReceipts(1, "UNDELIV", "012");

    SubmitResult result = await(gateway.submit(PHONE, "nobody home", "m-undeliv"));

    assertThat(await(recorder.receipts(1)))
        .containsExactly(new Receipt(result.messageIds().get(0), "UNDELIV", "012"));
  }

  @Test
  void submit_smscThrottlesNextThree_everyMessageArrivesOnce() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SmsGateway gateway = gateway(smsc.port());
    smsc.throttleNext(3);

    await(Future.all(submitMany(gateway, "throttled", 5)));

    assertThat(smsc.throttled()).isEqualTo(3);
    assertThat(countByText(inboxOf(smsc, 5))).hasSize(5).allSatisfy((text, n) ->
        assertThat(n).as(text).isEqualTo(1));
    assertThat(smsc.parts()).hasSize(5);
  }

  @Test
  void submit_bindLostMidBurst_everyMessageArrivesOnce() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SmsGateway gateway = gateway(smsc.port());
    smsc.dropBindAfter(30);

    await(Future.all(submitMany(gateway, "burst", 100)));

    assertThat(countByText(inboxOf(smsc, 100))).hasSize(100).allSatisfy((text, n) ->
        assertThat(n).as(text).isEqualTo(1));
    assertThat(smsc.parts()).hasSize(100);
    assertThat(smsc.binds()).isEqualTo(2);
    Eventually.until(gateway::isBound, bound -> bound, BOUND);
  }

  @Test
  void submit_smscNotStartedYet_goesOutOnceItStarts() throws IOException {
    int port = freePort();
    SmsGateway gateway = gateway(port);

    Future<SubmitResult> pending = gateway.submit(PHONE, "sent while the SMSC was down", "m-q");
    assertThat(gateway.isBound()).isFalse();
    assertThat(pending.isComplete()).isFalse();
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults().withPort(port));
    await(pending);

    assertThat(single(inboxOf(smsc, 1)).text()).isEqualTo("sent while the SMSC was down");
    assertThat(gateway.isBound()).isTrue();
  }

  @Test
  void stop_smsStillQueued_failsIt() throws IOException {
    SmsGateway gateway = new SmsGateway(vertx, quick(freePort()), recorder);
    await(gateway.start());
    Future<SubmitResult> pending = gateway.submit(PHONE, "never sent", "m-stop");

    await(gateway.stop());

    assertThatThrownBy(() -> await(pending)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopped before the SMSC accepted m-stop");
  }

  @Test
  void onMessage_singleSms_reachesListener() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    gateway(smsc.port());

    await(smsc.deliver(PHONE, SENDER, "2"));

    assertThat(await(recorder.messages(1))).containsExactly(new Sms(PHONE, SENDER, "2"));
  }

  @Test
  void onMessage_concatenatedSms_joinedExactly() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    gateway(smsc.port());
    String gsm = "y".repeat(152) + "{" + "Answer: [yes] or [no] ~ thanks € ".repeat(8);
    String ucs2 = "好".repeat(66) + "🇨🇳" + " 再见 👍🏿".repeat(10);

    await(smsc.deliver(PHONE, SENDER, gsm));
    await(smsc.deliver(PHONE, SENDER, ucs2));

    assertThat(await(recorder.messages(2))).extracting(Sms::text).containsExactly(gsm, ucs2);
  }

  @Test
  void onMessage_redelivered_reportedOnce() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    gateway(smsc.port());
    String longText = "Please call me back about the order ".repeat(10);

    smsc.redeliverNext(1);
    await(smsc.deliver(PHONE, SENDER, "YES"));
    smsc.redeliverNext(3);
    await(smsc.deliver(PHONE, SENDER, longText));
    // Sent only after both were answered, so it is handled after every copy of them.
    await(smsc.deliver(PHONE, SENDER, "marker"));

    assertThat(await(recorder.messages(3))).extracting(Sms::text)
        .containsExactly("YES", longText, "marker");
    assertThat(recorder.messages()).hasSize(3);
  }

  @Test
  void onMessage_deliverSmIsAnsweredOnlyAfterTheSmsIsNoted() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SlowMoParts moParts = new SlowMoParts(300, 0);
    gateway(smsc.port(), moParts);
    long start = System.nanoTime();

    await(smsc.deliver(PHONE, SENDER, "slow to note"));

    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(300);
    assertThat(recorder.messages()).as("passed on before the answer")
        .containsExactly(new Sms(PHONE, SENDER, "slow to note"));
  }

  @Test
  void onMessage_notNoted_isRefusedAndTakenOnceWhenTheSmscSendsItAgain() {
    EmbeddedSmsc smsc = smsc(EmbeddedSmsc.Settings.defaults());
    SlowMoParts moParts = new SlowMoParts(0, 2);
    gateway(smsc.port(), moParts);
    String longText = "Please call me back about the order ".repeat(10);

    await(smsc.deliver(PHONE, SENDER, longText));
    await(smsc.deliver(PHONE, SENDER, "marker"));

    assertThat(await(recorder.messages(2))).extracting(Sms::text)
        .containsExactly(longText, "marker");
    assertThat(moParts.asked()).as("two refused, then three parts and the marker")
        .isEqualTo(6);
    assertThat(recorder.messages()).hasSize(2);
  }

  /** Notes in memory, each SMS after {@code delayMs}, failing the first {@code failures}. */
  private final class SlowMoParts implements MoParts {
    private final MemoryMoParts memory = new MemoryMoParts();
    private final long delayMs;
    private int failures;
    private int asked;

    SlowMoParts(long delayMs, int failures) {
      this.delayMs = delayMs;
      this.failures = failures;
    }

    synchronized int asked() {
      return asked;
    }

    @Override
    public Future<Boolean> firstTime(String key, Instant now, Instant until) {
      return later(() -> memory.firstTime(key, now, until));
    }

    @Override
    public Future<List<Part>> part(Part part, String key, Instant until) {
      return later(() -> memory.part(part, key, until));
    }

    @Override
    public Future<List<Part>> expire(Instant now, Instant staleBefore) {
      return memory.expire(now, staleBefore);
    }

    private synchronized <T> Future<T> later(Supplier<Future<T>> note) {
      asked++;
      if (failures > 0) {
        failures--;
        return Future.failedFuture(new IllegalStateException("the disk is busy"));
      }
      if (delayMs == 0) {
        return note.get();
      }
      // Called on the gateway's context, so the timer brings the note back to it.
      Promise<T> noted = Promise.promise();
      vertx.setTimer(delayMs, id -> note.get().onComplete(noted));
      return noted.future();
    }
  }

  private EmbeddedSmsc smsc(EmbeddedSmsc.Settings settings) {
    EmbeddedSmsc smsc = new EmbeddedSmsc(vertx, settings);
    await(smsc.start());
    smscs.add(smsc);
    return smsc;
  }

  private SmsGateway gateway(int port) {
    SmsGateway gateway = new SmsGateway(vertx, quick(port), recorder);
    await(gateway.start());
    gateways.add(gateway);
    return gateway;
  }

  private SmsGateway gateway(int port, MoParts moParts) {
    SmsGateway gateway = new SmsGateway(vertx, quick(port), recorder, moParts,
        Clock.systemUTC());
    await(gateway.start());
    gateways.add(gateway);
    return gateway;
  }

  /** Retries and rebinds within tens of milliseconds, a lost response noticed within a second. */
  private static SmppSettings quick(int port) {
    return SmppSettings.defaults()
        .withServer("127.0.0.1", port)
        .withFlow(50, 10_000)
        .withTimings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(1));
  }

  private static List<Future<SubmitResult>> submitMany(SmsGateway gateway, String prefix,
      int count) {
    List<Future<SubmitResult>> submits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      submits.add(gateway.submit(PHONE, prefix + " " + i, prefix + "-" + i));
    }
    return submits;
  }

  private static List<InboxMessage> inboxOf(EmbeddedSmsc smsc, int atLeast) {
    return Eventually.until(() -> smsc.inbox(PHONE), inbox -> inbox.size() >= atLeast, BOUND);
  }

  private static Map<String, Long> countByText(List<InboxMessage> inbox) {
    return inbox.stream().collect(Collectors.groupingBy(InboxMessage::text,
        Collectors.counting()));
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("not done after " + BOUND.toMillis() + " ms", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
