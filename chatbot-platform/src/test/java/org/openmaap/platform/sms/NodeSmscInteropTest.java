package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openmaap.card.sms.Gsm7;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.sms.Recorder.Receipt;
import org.openmaap.platform.sms.Recorder.Sms;

/**
 * The gateway against an SMSC written with the npm package smpp, so that the client is shown to
 * speak SMPP with an implementation other than jSMPP's (the embedded SMSC shares its library).
 */
class NodeSmscInteropTest {

  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String SYSTEM_ID = "openmaap";
  private static final String PASSWORD = "s3cret";
  private static final String PHONE = "+8613800000001";
  private static final String SENDER = SmppSettings.DEFAULT_SOURCE_ADDRESS;
  private static final HexFormat HEX = HexFormat.of();

  private static NodeSmsc smsc;

  private final Vertx vertx = Vertx.vertx();
  private final Recorder recorder = new Recorder();
  private SmsGateway gateway;

  // Checked before each test rather than once, so that Surefire counts the tests as skipped and
  // keeps the reason (it drops a class-level abort silently); one SMSC serves the whole class.
  @BeforeEach
  void startSmsc() {
    NodeSupport.requireSmppPackage();
    if (smsc == null) {
      smsc = NodeSmsc.start(SYSTEM_ID, PASSWORD);
    }
  }

  @AfterAll
  static void stopSmsc() {
    if (smsc != null) {
      smsc.close();
    }
  }

  @AfterEach
  void stopGateway() {
    if (gateway != null) {
      await(gateway.stop());
    }
    await(vertx.close());
  }

  @Test
  void submit_gsm7OnePart_arrivesAsDataCoding0WithoutHeader() {
    gateway = bound(PASSWORD);
    String text = "Table for 2 @ 19:30, £12 deposit {ok}? Reply 1 to confirm_ €";

    SubmitResult result = await(gateway.submit(PHONE, text, "m-gsm"));

    JsonObject part = single(smsc.submits(1, of(result)));
    assertThat(part.getString("message_id")).isEqualTo(result.messageIds().get(0));
    assertThat(part.getInteger("data_coding")).isZero();
    assertThat(part.getInteger("esm_class")).isZero();
    assertThat(part.getInteger("registered_delivery")).isEqualTo(1);
    assertThat(part.getString("source_addr")).isEqualTo(SENDER);
    assertThat(part.getString("destination_addr")).isEqualTo(PHONE.substring(1));
    assertThat(part.getInteger("dest_addr_ton")).isEqualTo(Address.TON_INTERNATIONAL);
    // The package decodes GSM 03.38 with its own tables: the text survives a foreign decoder.
    assertThat(part.getString("text")).isEqualTo(text);
    assertThat(HEX.parseHex(part.getString("short_message"))).isEqualTo(Gsm7.encode(text));
  }

  @Test
  void submit_longUcs2WithEmoji_partsCarryA6ByteHeaderAndJoinToTheText() {
    gateway = bound(PASSWORD);
    String text = "您好".repeat(40) + "👋🏽 明天见 🙂 Grüße ".repeat(4);

    SubmitResult result = await(gateway.submit(PHONE, text, "m-ucs2"));

    int count = result.messageIds().size();
    assertThat(count).isGreaterThan(2);
    // Parts travel side by side in the window, so the SMSC may get them in any order.
    List<JsonObject> parts = smsc.submits(count, of(result)).stream()
        .sorted(Comparator.comparingInt(part -> bytes(part)[5])).toList();
    byte reference = bytes(parts.get(0))[3];
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    StringBuilder decodedBySmsc = new StringBuilder();
    for (int i = 0; i < count; i++) {
      JsonObject part = parts.get(i);
      byte[] bytes = bytes(part);
      assertThat(part.getInteger("data_coding")).isEqualTo(8);
      assertThat(part.getInteger("esm_class")).isEqualTo(0x40);
      assertThat(bytes).startsWith(0x05, 0x00, 0x03, reference, count, i + 1);
      // The package lists the header's elements (IEI, length, data): one 8-bit concat element.
      assertThat(part.getJsonArray("udh")).containsExactly(
          HEX.formatHex(new byte[] {0x00, 0x03, reference, (byte) count, (byte) (i + 1)}));
      joined.write(bytes, 6, bytes.length - 6);
      decodedBySmsc.append(part.getString("text"));
    }
    assertThat(joined.toString(StandardCharsets.UTF_16BE)).isEqualTo(text);
    assertThat(decodedBySmsc.toString()).isEqualTo(text);
  }

  @Test
  void onReceipt_tlvOnlyAndTextOnlyReceipts_reachTheListenerWithTheSmscIds() {
    gateway = bound(PASSWORD);

    smsc.command("receipts", new JsonObject().put("style", "tlv").put("stat", "UNDELIV")
        .put("err", "012"));
    String byTlv = await(gateway.submit(PHONE, "receipt in TLVs", "m-tlv")).messageIds().get(0);
    List<Receipt> first = await(recorder.receipts(1));
    smsc.command("receipts", new JsonObject().put("style", "text").put("stat", "DELIVRD")
        .put("err", "000"));
    String byText = await(gateway.submit(PHONE, "receipt in text", "m-text")).messageIds().get(0);
    List<Receipt> both = await(recorder.receipts(2));

    assertThat(first).containsExactly(new Receipt(byTlv, "UNDELIV", "012"));
    assertThat(both).containsExactly(new Receipt(byTlv, "UNDELIV", "012"),
        new Receipt(byText, "DELIVRD", "000"));
  }

  @Test
  void onMessage_injectedUserSms_reachesTheListener() {
    gateway = bound(PASSWORD);

    JsonObject gsm = smsc.command("deliver", new JsonObject().put("from", PHONE)
        .put("to", SENDER).put("text", "YES {2} @ 5€"));
    JsonObject ucs2 = smsc.command("deliver", new JsonObject().put("from", PHONE)
        .put("to", SENDER).put("text", "好的 👍🏽"));

    assertThat(await(recorder.messages(2))).containsExactly(
        new Sms(PHONE, SENDER, "YES {2} @ 5€"), new Sms(PHONE, SENDER, "好的 👍🏽"));
    assertThat(List.of(gsm, ucs2))
        .extracting(a -> a.getInteger("data_coding"), a -> a.getInteger("status"))
        .containsExactly(tuple(0, 0), tuple(8, 0));
  }

  @Test
  void submit_throttledTwice_retriedUntilAcceptedAndArrivesOnce() {
    gateway = bound(PASSWORD);
    String text = "sent through throttling";

    smsc.command("throttle", new JsonObject().put("count", 2));
    SubmitResult result = await(gateway.submit(PHONE, text, "m-throttled"));

    List<JsonObject> tries = smsc.submits(3, part -> text.equals(part.getString("text")));
    assertThat(tries).extracting(part -> part.getInteger("status"))
        .containsExactly(0x58, 0x58, 0);
    assertThat(tries.get(2).getString("message_id")).isEqualTo(result.messageIds().get(0));
  }

  @Test
  void start_wrongPassword_neverBindsAndKeepsTrying() {
    gateway = new SmsGateway(vertx, settings("wrong"), recorder);
    await(gateway.start());

    List<JsonObject> refused = Eventually.until(() -> smsc.events("bind").stream()
        .filter(bind -> "wrong".equals(bind.getString("password"))).toList(),
        binds -> binds.size() >= 2, BOUND);

    assertThat(refused).extracting(bind -> bind.getInteger("status"))
        .containsOnly(0x0E); // ESME_RINVPASWD
    assertThat(gateway.isBound()).isFalse();
  }

  /** A gateway bound to the node SMSC with {@code password}. */
  private SmsGateway bound(String password) {
    SmsGateway started = new SmsGateway(vertx, settings(password), recorder);
    await(started.start());
    Eventually.until(started::isBound, isBound -> isBound, BOUND);
    return started;
  }

  /** Retries and rebinds within tens of milliseconds. */
  private static SmppSettings settings(String password) {
    return SmppSettings.defaults()
        .withServer("127.0.0.1", smsc.port())
        .withCredentials(SYSTEM_ID, password)
        .withFlow(10, 1_000)
        .withTimings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  private static byte[] bytes(JsonObject part) {
    return HEX.parseHex(part.getString("short_message"));
  }

  private static Predicate<JsonObject> of(SubmitResult result) {
    // A refused submit_sm has no message id, and List.of(...).contains(null) throws.
    return part -> part.getString("message_id") != null
        && result.messageIds().contains(part.getString("message_id"));
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
}
