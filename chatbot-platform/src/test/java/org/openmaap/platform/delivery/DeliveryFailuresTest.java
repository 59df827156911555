package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openmaap.platform.delivery.Core.BOT;
import static org.openmaap.platform.delivery.Core.FALLBACK_TIMEOUT;
import static org.openmaap.platform.delivery.Core.SOON;
import static org.openmaap.platform.delivery.Core.USER;
import static org.openmaap.platform.delivery.Core.awaitAny;
import static org.openmaap.platform.delivery.Core.text;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.store.WorkRow;

/** What the core does when the store or a link fails under it: nothing is lost, nothing halved. */
class DeliveryFailuresTest {

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
  void sentStatusThatCannotBeWritten_whileRouting_isTriedAgain_andTheLinkGetsTheMessageOnce() {
    FakeLink phone = FakeLink.websocket();
    core.connect(phone);
    core.faults.failNextWriteOf(Status.SENT);

    String msgId = core.send(text("Your order has shipped"));

    core.awaitStatus(msgId, Status.SENT);
    assertThat(core.faults.fired()).isEqualTo(1);
    assertThat(phone.delivered()).containsExactly(msgId);
    // Its row lives on: at the fallback deadline the message goes as SMS.
    core.clock.jump(FALLBACK_TIMEOUT);
    assertThat(awaitAny(core.fallback::sent)).containsExactly(msgId);
  }

  @Test
  void smsTakeOverThatCannotBeWritten_whileRouting_isTriedAgain_andTheMessageGoesAsSms() {
    core.faults.failNextWriteOf(Status.PENDING);

    String msgId = core.send(text("Your parcel is here"));

    assertThat(awaitAny(core.fallback::sent)).containsExactly(msgId);
    assertThat(core.faults.fired()).isEqualTo(1);
  }

  @Test
  void linkWriteThatFails_leavesTheMessagePending_andTheNextLinkGetsIt() {
    FakeLink gone = FakeLink.websocket();
    core.connect(gone);
    gone.failWrites();

    String msgId = core.send(text("Are you there?"));

    Eventually.until(() -> core.online.isConnected(USER), connected -> !connected, SOON);
    assertThat(core.status(msgId)).isEqualTo(Status.PENDING);
    assertThat(core.fallback.sent()).isEmpty();
    FakeLink back = FakeLink.websocket();
    core.connect(back);
    assertThat(back.delivered()).containsExactly(msgId);
    core.awaitStatus(msgId, Status.SENT);
  }

  @Test
  void deliveredReportThatCannotBeWritten_failsTheReport_andChangesNothing() {
    core.connect(FakeLink.websocket());
    String msgId = core.send(text("Did you get this?"));
    core.awaitStatus(msgId, Status.SENT);
    core.faults.failNextWriteOf(Status.DELIVERED);

    assertThatThrownBy(() -> core.outbound.delivered(USER, msgId).await())
        .hasMessageContaining("injected");

    assertThat(core.status(msgId)).isEqualTo(Status.SENT);
    assertThat(core.events.statuses(msgId)).isEmpty();
    // Its deadline still stands, and the device's next report is taken.
    assertThat(core.outbound.step(due(msgId)).await())
        .contains(core.message(msgId).updatedAt().plus(FALLBACK_TIMEOUT));
    assertThat(core.outbound.delivered(USER, msgId).await()).isTrue();
    assertThat(core.events.statuses(msgId)).containsExactly(Status.DELIVERED);
  }

  @Test
  void displayedReportThatCannotBeWritten_failsTheReport_andTheDeviceMayReportItAgain() {
    core.connect(FakeLink.websocket());
    String msgId = core.send(text("Read me"));
    core.awaitStatus(msgId, Status.SENT);
    core.faults.failNextWriteOf(Status.DISPLAYED);

    assertThatThrownBy(() -> core.outbound.displayed(USER, msgId).await())
        .hasMessageContaining("injected");

    assertThat(core.status(msgId)).isEqualTo(Status.SENT);
    assertThat(core.outbound.displayed(USER, msgId).await()).isTrue();
    assertThat(core.status(msgId)).isEqualTo(Status.DISPLAYED);
    assertThat(core.events.statuses(msgId)).containsExactly(Status.DISPLAYED);
  }

  private static WorkRow due(String msgId) {
    return WorkRow.due(WorkRow.Kind.MESSAGE, BOT, msgId, Instant.now());
  }
}
