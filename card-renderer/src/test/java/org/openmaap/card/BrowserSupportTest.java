package org.openmaap.card;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class BrowserSupportTest {

  private static final Path NOWHERE = Path.of("/nonexistent/chromium");
  private static final Path SHELL = Path.of("/bin/sh");

  @Test
  void require_chromiumMissingOutsideCi_skipsWithInstallHint() {
    assertThatThrownBy(() -> BrowserSupport.require(NOWHERE, SHELL, Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("Chromium not found at /nonexistent/chromium; install Debian's"
            + " chromium chromium-driver to run browser tests");
  }

  @Test
  void require_chromiumMissingOnCi_fails() {
    assertThatThrownBy(() -> BrowserSupport.require(NOWHERE, SHELL, Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("Chromium not found at /nonexistent/chromium");
  }

  @Test
  void require_driverMissing_namesTheDriver() {
    assertThatThrownBy(() -> BrowserSupport.require(SHELL, NOWHERE, Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("chromedriver not found at /nonexistent/chromium");
  }

  @Test
  void require_bothPresent_passes() {
    assertThatCode(() -> BrowserSupport.require(SHELL, SHELL, Map.of("CI", "true")))
        .doesNotThrowAnyException();
  }
}
