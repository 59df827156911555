package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.delivery.Core.USER;

import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.DeviceRow;

/**
 * One rule for who gets RCS: what the device answers when it can be asked, else a link or a device
 * row; answers kept until something changes.
 */
class CapabilitiesTest {

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
  void of_numberTheNetworkNeverSaw_isNotRcs_andTheAnswerIsKept() {
    Capabilities.Answer first = core.capabilities.of(USER, false).await();
    Capabilities.Answer again = core.capabilities.of(USER, false).await();

    assertThat(first.rcs()).isFalse();
    assertThat(first.features()).isEmpty();
    assertThat(first.cached()).isFalse();
    assertThat(again.cached()).isTrue();
    assertThat(again.checkedAt()).isEqualTo(first.checkedAt());
  }

  @Test
  void of_provisionedNumber_hasTheFeaturesOfItsDeviceRow() {
    core.store.putDevice(new DeviceRow(USER, List.of("chatbot"), core.clock.instant())).await();

    Capabilities.Answer answer = core.capabilities.of(USER, false).await();

    assertThat(answer.rcs()).isTrue();
    assertThat(answer.features()).containsExactly("chatbot");
  }

  @Test
  void of_numberWithALinkAndNoDeviceRow_isRcsWithTheDefaultFeatures() {
    core.online.connect(USER, FakeLink.sip());

    Capabilities.Answer answer = core.capabilities.of(USER, false).await();

    assertThat(answer.rcs()).isTrue();
    assertThat(answer.features()).isEqualTo(Capabilities.DEFAULT_FEATURES);
  }

  @Test
  void of_negativeAnswer_isCheckedAgainAfterTheNegativeTtl() {
    core.capabilities.of(USER, false).await();
    core.store.putDevice(new DeviceRow(USER, List.of("chatbot"), core.clock.instant())).await();

    core.clock.jump(Duration.ofMinutes(2));
    Capabilities.Answer answer = core.capabilities.of(USER, false).await();

    assertThat(answer.rcs()).isTrue();
    assertThat(answer.cached()).isFalse();
  }

  @Test
  void of_refresh_checksAgain() {
    core.capabilities.of(USER, false).await();
    core.store.putDevice(new DeviceRow(USER, List.of("chatbot"), core.clock.instant())).await();

    Capabilities.Answer answer = core.capabilities.of(USER, true).await();

    assertThat(answer.rcs()).isTrue();
    assertThat(answer.cached()).isFalse();
  }

  @Test
  void connected_forgetsTheNumbersAnswer() {
    core.capabilities.of(USER, false).await();

    core.connect(FakeLink.websocket());
    Capabilities.Answer answer = core.capabilities.of(USER, false).await();

    assertThat(answer.rcs()).isTrue();
    assertThat(answer.cached()).isFalse();
  }

  @Test
  void of_numberWhoseDeviceCanBeAsked_asksItOnAMissAndARefresh_notOnAHit() {
    AskedDevice device = new AskedDevice(new DeviceQuery.Reply(true, List.of("chatbot")));
    Capabilities capabilities = asking(device);

    Capabilities.Answer first = capabilities.of(USER, false).await();
    Capabilities.Answer kept = capabilities.of(USER, false).await();
    Capabilities.Answer refreshed = capabilities.of(USER, true).await();

    assertThat(first.rcs()).isTrue();
    assertThat(first.features()).containsExactly("chatbot");
    assertThat(kept.cached()).isTrue();
    assertThat(refreshed.cached()).isFalse();
    assertThat(device.asked).isEqualTo(2);
  }

  @Test
  void of_deviceThatRefusedTheQuery_isNotRcs_thoughTheNetworkSawIt() {
    core.store.putDevice(new DeviceRow(USER, List.of("chatbot"), core.clock.instant())).await();
    core.online.connect(USER, FakeLink.sip());

    Capabilities.Answer answer = asking(new AskedDevice(DeviceQuery.Reply.NOT_RCS))
        .of(USER, false).await();

    assertThat(answer.rcs()).isFalse();
    assertThat(answer.features()).isEmpty();
  }

  @Test
  void told_isTheAnswerUntilARefreshAsksTheDevice() {
    AskedDevice device = new AskedDevice(new DeviceQuery.Reply(true, List.of("chatbot")));
    Capabilities capabilities = asking(device);

    capabilities.told(USER, List.of("fileTransfer"));
    Capabilities.Answer told = capabilities.of(USER, false).await();
    Capabilities.Answer asked = capabilities.of(USER, true).await();

    assertThat(told.features()).containsExactly("fileTransfer");
    assertThat(told.cached()).isTrue();
    assertThat(asked.features()).containsExactly("chatbot");
    assertThat(device.asked).isEqualTo(1);
  }

  @Test
  void of_deviceThatRefusedTheQuery_isRcsStill_whenTheNumberHasAnotherKindOfLink() {
    core.online.connect(USER, FakeLink.sip());
    core.online.connect(USER, FakeLink.websocket());

    Capabilities.Answer answer = asking(new AskedDevice(DeviceQuery.Reply.NOT_RCS))
        .of(USER, false).await();

    assertThat(answer.rcs()).isTrue();
    assertThat(answer.features()).isEqualTo(Capabilities.DEFAULT_FEATURES);
  }

  private Capabilities asking(DeviceQuery device) {
    return new Capabilities(core.store, core.online, device, core.clock, Duration.ofHours(24),
        Duration.ofMinutes(1), core.clock::nanos);
  }

  /** A device that always gives {@code reply}, counting how often it was asked. */
  private static final class AskedDevice implements DeviceQuery {

    private final Reply reply;
    private int asked;

    AskedDevice(Reply reply) {
      this.reply = reply;
    }

    @Override
    public String kind() {
      return FakeLink.sip().kind();
    }

    @Override
    public Optional<Future<Reply>> ask(String msisdn) {
      asked++;
      return Optional.of(Future.succeededFuture(reply));
    }
  }
}
