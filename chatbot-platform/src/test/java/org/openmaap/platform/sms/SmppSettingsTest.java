package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmppSettingsTest {

  @Test
  void defaults_transceiverWindowOf50() {
    SmppSettings settings = SmppSettings.defaults();

    assertThat(settings.bindType()).isEqualTo(SmppSettings.BindType.TRANSCEIVER);
    assertThat(settings.windowSize()).isEqualTo(50);
    assertThat(settings.port()).isEqualTo(2775);
  }

  @Test
  void fromEnvironment_openmaapVariables_applied() {
    SmppSettings settings = SmppSettings.fromEnvironment(Map.of(
        "OPENMAAP_SMSC_HOST", "smsc.example", "OPENMAAP_SMSC_PORT", "2776",
        "OPENMAAP_SMSC_SYSTEM_ID", "bots", "OPENMAAP_SMSC_PASSWORD", "pw",
        "OPENMAAP_SMS_SOURCE", "+8610690000"));

    assertThat(settings.host()).isEqualTo("smsc.example");
    assertThat(settings.port()).isEqualTo(2776);
    assertThat(settings.systemId()).isEqualTo("bots");
    assertThat(settings.password()).isEqualTo("pw");
    assertThat(settings.sourceAddress()).isEqualTo("8610690000");
    assertThat(settings.sourceTon()).isEqualTo(1);
    assertThat(settings.sourceNpi()).isEqualTo(1);
  }

  @Test
  void withSource_alphanumeric_tonFive() {
    SmppSettings settings = SmppSettings.defaults().withSource("OpenMaaP");

    assertThat(settings.sourceTon()).isEqualTo(5);
    assertThat(settings.sourceNpi()).isZero();
  }

  @Test
  void fromEnvironment_portNotANumber_rejectedNamingIt() {
    assertThatThrownBy(() -> SmppSettings.fromEnvironment(Map.of("OPENMAAP_SMSC_PORT", "x")))
        .hasMessageContaining("OPENMAAP_SMSC_PORT must be a number");
  }

  @Test
  void new_passwordOverSmppLimit_rejected() {
    assertThatThrownBy(() -> SmppSettings.defaults().withCredentials("bots", "123456789"))
        .hasMessageContaining("password must have 0 to 8 characters");
  }

  @Test
  void new_backoffMaxBelowMin_rejected() {
    assertThatThrownBy(() -> SmppSettings.defaults().withTimings(Duration.ofSeconds(2),
        Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .hasMessageContaining("backoff max must not be shorter than backoff min");
  }
}
