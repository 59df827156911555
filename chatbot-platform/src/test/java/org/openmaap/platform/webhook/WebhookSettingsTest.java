package org.openmaap.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void defaults_apiMdValues() {
    WebhookSettings settings = WebhookSettings.defaults();

    assertThat(settings).isEqualTo(new WebhookSettings(Duration.ofSeconds(5), Duration.ofSeconds(1),
        Duration.ofMinutes(5), Duration.ofHours(24), 16));
  }

  @Test
  void new_zeroTimeout_rejectedNamingIt() {
    assertThatThrownBy(() -> new WebhookSettings(Duration.ZERO, SECOND, SECOND, SECOND, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be at least 1 ms");
  }

  @Test
  void new_maxDelayBelowFirstRetry_rejected() {
    assertThatThrownBy(() -> new WebhookSettings(SECOND, Duration.ofSeconds(2), SECOND, SECOND, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max delay must not be shorter than the first retry");
  }

  @Test
  void new_noRequestsInFlight_rejected() {
    assertThatThrownBy(() -> new WebhookSettings(SECOND, SECOND, SECOND, SECOND, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max in-flight per bot must be at least 1");
  }

  @Test
  void new_missingWindow_rejected() {
    assertThatThrownBy(() -> new WebhookSettings(SECOND, SECOND, SECOND, null, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retry window");
  }
}
