package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.delivery.Core.USER;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.DeviceRow;

/** One rule for who gets RCS: a link or a device row; answers kept until something changes. */
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
}
