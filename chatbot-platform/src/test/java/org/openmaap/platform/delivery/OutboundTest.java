package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmaap.platform.delivery.Core.BOT;
import static org.openmaap.platform.delivery.Core.FALLBACK_TIMEOUT;
import static org.openmaap.platform.delivery.Core.STORE_TTL;
import static org.openmaap.platform.delivery.Core.USER;
import static org.openmaap.platform.delivery.Core.awaitAny;
import static org.openmaap.platform.delivery.Core.text;

import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.delivery.FakeLink.Delivered;
import org.openmaap.platform.delivery.FakeLink.Read;
import org.openmaap.platform.delivery.FakeLink.Revoked;
import org.openmaap.platform.delivery.FakeLink.Typed;
import org.openmaap.platform.failure.Conflict;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.WorkRow;

/** Bot-to-user delivery decided by the core alone: links, capabilities, deadlines, SMS. */
class OutboundTest {

  @TempDir Path dir;
  private Core core;

  @BeforeEach
  void start() {
    core = Core.start(dir);
  }

  @AfterEach
  void stop() {
    core.close();
  }

  @Test
  void send_toAConnectedUser_isDeliveredOnItsLink_withoutTheFallbackInstructions_andSent() {
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);

    String msgId = core.send(new JsonObject()
        .put("messageContact", new JsonObject().put("userContact", USER))
        .put("RCSMessage", new JsonObject().put("textMessage", "Your order has shipped")
            .put("shortMessageSupported", true).put("smsBodyText", "Shipped")));

    core.awaitStatus(msgId, Status.SENT);
    DeviceMessage delivered = ((Delivered) phone.calls().get(0)).message();
    MessageRow row = core.message(msgId);
    assertThat(delivered.msgId()).isEqualTo(msgId);
    assertThat(delivered.from()).isEqualTo(BOT);
    assertThat(delivered.chatbot().name()).isEqualTo("Coffee");
    assertThat(delivered.content().getString("textMessage")).isEqualTo("Your order has shipped");
    assertThat(delivered.content().fieldNames()).doesNotContain("shortMessageSupported",
        "smsBodyText", "storeSupported");
    assertThat(delivered.conversationId()).isEqualTo(row.conversationId());
    assertThat(delivered.contributionId()).isEqualTo(row.contributionId());
  }

  @Test
  void send_threeInARow_whileTheFirstWaitsForTheUsersCapabilities_reachTheLinkInTheirOrder() {
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);
    Promise<Void> slowCheck = core.faults.holdNext("device");

    String first = core.send(text("one"));
    String second = core.send(text("two"));
    String third = core.send(text("three"));
    slowCheck.complete();

    core.awaitStatus(third, Status.SENT);
    core.awaitStatus(first, Status.SENT);
    assertThat(phone.delivered()).containsExactly(first, second, third);
  }

  @Test
  void send_toANumberTheNetworkNeverSaw_goesAsSmsAtOnce() {
    String msgId = core.send(text("Your parcel is here"));

    assertThat(awaitAny(core.fallback::sent)).containsExactly(msgId);
    assertThat(core.message(msgId).channel()).isEqualTo(Status.CHANNEL_SMS);
  }

  @Test
  void send_toANumberTheNetworkNeverSaw_withoutSms_failsAsNotRcsCapable() {
    String msgId = core.send(text("RCS only").put("RCSMessage",
        new JsonObject().put("textMessage", "RCS only").put("shortMessageSupported", false)));

    core.awaitStatus(msgId, Status.FAILED);
    assertThat(core.message(msgId).reason()).isEqualTo(Status.REASON_NOT_RCS_CAPABLE);
    assertThat(core.events.statuses(msgId)).containsExactly(Status.FAILED);
    assertThat(core.fallback.sent()).isEmpty();
  }

  @Test
  void send_toAKnownNumberOffline_waitsUntilTheStoreTtl_andItsNextLinkGetsIt() {
    core.provision();
    String msgId = core.send(text("See you later"));

    Optional<Instant> next = core.outbound.step(due(msgId)).await();

    assertThat(next).contains(core.message(msgId).createdAt().plus(STORE_TTL));
    assertThat(core.status(msgId)).isEqualTo(Status.PENDING);
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);
    assertThat(phone.delivered()).containsExactly(msgId);
    core.awaitStatus(msgId, Status.SENT);
    assertThat(core.fallback.sent()).isEmpty();
  }

  @Test
  void send_toAKnownNumberOffline_thatTheBotWouldNotStore_goesAsSmsAtOnce() {
    core.provision();

    String msgId = core.send(text("Now or never").put("RCSMessage",
        new JsonObject().put("textMessage", "Now or never").put("storeSupported", false)));

    assertThat(awaitAny(core.fallback::sent)).containsExactly(msgId);
  }

  @Test
  void send_toANumberCachedAsNotRcs_thatThenConnects_isDeliveredOverRcs() {
    assertThat(core.capabilities.of(USER, false).await().rcs()).isFalse();
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);

    String msgId = core.send(text("Hello again"));

    core.awaitStatus(msgId, Status.SENT);
    assertThat(phone.delivered()).containsExactly(msgId);
    assertThat(core.fallback.sent()).isEmpty();
  }

  @Test
  void step_sentMessage_waitsForTheFallbackTimeout_thenIsRevokedAndGoesAsSms() {
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);
    String msgId = core.send(text("Are you there?"));
    core.awaitStatus(msgId, Status.SENT);

    Optional<Instant> next = core.outbound.step(due(msgId)).await();

    assertThat(next).contains(core.message(msgId).updatedAt().plus(FALLBACK_TIMEOUT));
    core.clock.jump(FALLBACK_TIMEOUT);
    assertThat(awaitAny(core.fallback::sent)).containsExactly(msgId);
    assertThat(phone.revoked()).containsExactly(msgId);
  }

  @Test
  void step_offlineMessagePastItsExpiry_withoutSms_failsAsExpired() {
    core.provision();
    Instant expiry = core.clock.instant().plus(Duration.ofHours(1))
        .truncatedTo(ChronoUnit.MILLIS);
    String msgId = core.send(text("Flash sale").put("RCSMessage", new JsonObject()
        .put("textMessage", "Flash sale").put("expiry", expiry.toString())
        .put("shortMessageSupported", false)));

    assertThat(core.outbound.step(due(msgId)).await()).contains(expiry);
    core.clock.jump(Duration.ofHours(2));

    core.awaitStatus(msgId, Status.FAILED);
    assertThat(core.message(msgId).reason()).isEqualTo(Status.REASON_EXPIRED);
    assertThat(core.events.statuses(msgId)).containsExactly(Status.FAILED);
  }

  @Test
  void connected_revokesWhatWasWithdrawnWhileAway_thenWritesWhatWaits_oldestFirst() {
    FakeLink before = FakeLink.websocket();
    core.connect(before);
    String withdrawn = core.send(text("never mind"));
    String first = core.send(text("first"));
    String second = core.send(text("second"));
    core.awaitStatus(withdrawn, Status.SENT);
    core.awaitStatus(first, Status.SENT);
    core.awaitStatus(second, Status.SENT);
    core.outbound.disconnected(USER, before);
    core.outbound.revoke(BOT, withdrawn).await();

    FakeLink after = FakeLink.websocket();
    core.connect(after);

    assertThat(after.calls()).hasSize(3);
    assertThat(after.calls().get(0)).isEqualTo(new Revoked(BOT, withdrawn));
    assertThat(after.delivered()).containsExactly(first, second);
  }

  @Test
  void connected_secondLinkOfTheSameKind_takesOver_andTheFirstOnesCloseLeavesIt() {
    FakeLink first = FakeLink.websocket();
    FakeLink second = FakeLink.websocket();
    core.connect(first);
    core.connect(second);

    String msgId = core.send(text("to the newer one"));
    core.awaitStatus(msgId, Status.SENT);
    core.outbound.disconnected(USER, first);
    String later = core.send(text("still the newer one"));
    core.awaitStatus(later, Status.SENT);

    assertThat(first.delivered()).isEmpty();
    assertThat(second.delivered()).containsExactly(msgId, later);
  }

  @Test
  void connected_linkOfAnotherKind_getsWhatIsUndelivered_andItsReportCounts() {
    FakeLink websocket = FakeLink.websocket();
    core.connect(websocket);
    String msgId = core.send(text("on both"));
    core.awaitStatus(msgId, Status.SENT);

    FakeLink sip = FakeLink.sip();
    core.connect(sip);
    core.outbound.disconnected(USER, websocket);
    boolean changed = core.outbound.delivered(USER, msgId).await();

    assertThat(sip.delivered()).containsExactly(msgId);
    assertThat(changed).isTrue();
    assertThat(core.status(msgId)).isEqualTo(Status.DELIVERED);
    assertThat(core.events.statuses(msgId)).containsExactly(Status.DELIVERED);
  }

  @Test
  void send_toANumberOnTwoLinks_isDeliveredOnBoth_andOneReportDeliversIt() {
    FakeLink websocket = FakeLink.websocket();
    FakeLink sip = FakeLink.sip();
    core.connect(websocket);
    core.connect(sip);

    String msgId = core.send(text("twice over"));
    core.awaitStatus(msgId, Status.SENT);
    core.outbound.delivered(USER, msgId).await();
    core.outbound.delivered(USER, msgId).await();

    assertThat(awaitAny(websocket::delivered)).containsExactly(msgId);
    assertThat(awaitAny(sip::delivered)).containsExactly(msgId);
    assertThat(core.events.statuses(msgId)).containsExactly(Status.DELIVERED);
  }

  @Test
  void revoke_undeliveredMessage_isCancelled_andEveryLinkThatHasItDropsIt() {
    FakeLink websocket = FakeLink.websocket();
    FakeLink sip = FakeLink.sip();
    core.connect(websocket);
    core.connect(sip);
    String msgId = core.send(text("oops"));
    core.awaitStatus(msgId, Status.SENT);

    JsonObject answer = core.outbound.revoke(BOT, msgId).await();

    assertThat(answer.getJsonObject("RCSMessage").getString("status"))
        .isEqualTo(Status.CANCELLED);
    assertThat(websocket.revoked()).containsExactly(msgId);
    assertThat(sip.revoked()).containsExactly(msgId);
    assertThat(core.status(msgId)).isEqualTo(Status.CANCELLED);
  }

  @Test
  void revoke_deliveredMessage_isAConflict_andNoLinkIsTold() {
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);
    String msgId = core.send(text("too late"));
    core.awaitStatus(msgId, Status.SENT);
    core.outbound.delivered(USER, msgId).await();

    assertThatThrownBy(() -> core.outbound.revoke(BOT, msgId).await())
        .isInstanceOf(Conflict.class).hasMessageContaining("delivered");
    assertThat(phone.revoked()).isEmpty();
  }

  @Test
  void delivered_theLinksForgetTheMessage_andItsLaterDisplayedReportIsFoundInTheStore() {
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);
    String msgId = core.send(text("read me later"));
    core.awaitStatus(msgId, Status.SENT);

    core.outbound.delivered(USER, msgId).await();
    boolean handedAfterDelivered = core.online.botOf(USER, msgId).isPresent();
    boolean displayed = core.outbound.displayed(USER, msgId).await();

    assertThat(handedAfterDelivered).as("a reported message held by the link").isFalse();
    assertThat(displayed).isTrue();
    assertThat(core.status(msgId)).isEqualTo(Status.DISPLAYED);
    assertThat(core.events.statuses(msgId)).containsExactly(Status.DELIVERED, Status.DISPLAYED);
  }

  @Test
  void delivered_reportOnAnotherNumbersMessage_isNotFound() {
    core.connect(FakeLink.websocket());
    String msgId = core.send(text("for this number only"));
    core.awaitStatus(msgId, Status.SENT);

    assertThatThrownBy(() -> core.outbound.delivered("+8613800000999", msgId).await())
        .isInstanceOf(NotFound.class);
    assertThat(core.status(msgId)).isEqualTo(Status.SENT);
  }

  @Test
  void delivered_reportOfAMessageNoLinkWasHanded_isNotFound() {
    core.connect(FakeLink.websocket());

    assertThatThrownBy(() -> core.outbound.delivered(USER, "never-sent").await())
        .isInstanceOf(NotFound.class);
  }

  @Test
  void typingAndReadReceipts_goToEveryLinkOfTheNumber() {
    FakeLink websocket = FakeLink.websocket();
    FakeLink sip = FakeLink.sip();
    core.connect(websocket);
    core.connect(sip);
    String fromUser = core.inbound.fromUser(USER, BOT,
        new JsonObject().put("textMessage", "hi"), Status.CHANNEL_RCS).await();

    JsonObject typing = core.outbound.typing(BOT, USER, TypingState.ACTIVE);
    core.inbound.markDisplayed(BOT, fromUser).await();

    assertThat(typing.getJsonObject("RCSMessage").getString("status")).isEqualTo(Status.SENT);
    assertThat(websocket.calls()).containsExactly(new Typed(BOT, TypingState.ACTIVE),
        new Read(BOT, fromUser));
    assertThat(sip.calls()).containsExactly(new Typed(BOT, TypingState.ACTIVE),
        new Read(BOT, fromUser));
  }

  @Test
  void typing_toANumberWithNoLink_isFailed() {
    JsonObject typing = core.outbound.typing(BOT, USER, TypingState.ACTIVE);

    assertThat(typing.getJsonObject("RCSMessage").getString("status"))
        .isEqualTo(Status.FAILED);
  }

  private static WorkRow due(String msgId) {
    return WorkRow.due(WorkRow.Kind.MESSAGE, BOT, msgId, Instant.now());
  }
}
