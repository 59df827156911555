package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class InstalledTest {

  private static final List<String> MISSING = List.of("openmaap-no-such-peer", "-v");

  @Test
  void require_missingProgram_skipsWithHowToInstallIt() {
    assertThatThrownBy(() -> Installed.require(MISSING, "sip-tester", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("openmaap-no-such-peer is not installed")
        .hasMessageContaining("apt-get install sip-tester");
  }

  @Test
  void require_missingProgramOnCi_fails() {
    assertThatThrownBy(() -> Installed.require(MISSING, "linphone-cli", Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("apt-get install linphone-cli");
  }
}
