package org.openmaap.platform.sip;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The rule for tests whose peer is a program from a Debian package: skip with a message saying
 * how to install it when it is missing, but fail when CI=true (CI installs it, see .ci/run).
 */
final class Installed {

  private Installed() {}

  /** Skips (or, on CI, fails) the calling test unless {@code probe} runs. */
  static void require(List<String> probe, String debianPackage, Map<String, String> env) {
    if (runs(probe)) {
      return;
    }
    String missing = probe.get(0) + " is not installed; run .ci/run or apt-get install "
        + debianPackage;
    // CI promises the peer; a silent skip there would hide that the tests never ran.
    if ("true".equals(env.get("CI"))) {
      fail(missing);
    }
    Assumptions.abort(missing);
  }

  private static boolean runs(List<String> probe) {
    try {
      Process process = new ProcessBuilder(probe).redirectErrorStream(true).start();
      process.getInputStream().transferTo(OutputStream.nullOutputStream());
      return process.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
