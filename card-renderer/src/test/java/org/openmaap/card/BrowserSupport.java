package org.openmaap.card;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium and chromedriver for browser tests: where they are, whether to skip, and how
 * to start them without Selenium Manager ever downloading a browser or a driver.
 */
public final class BrowserSupport {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final String INSTALL = "; install Debian's chromium chromium-driver to run browser"
      + " tests";

  private BrowserSupport() {}

  /** Skips the calling tests when Chromium or its driver is missing, or fails them when CI=true. */
  public static void requireChromium() {
    require(CHROMIUM, CHROMEDRIVER, System.getenv());
  }

  /** The rule itself, with the paths and environment passed in so it can be tested. */
  static void require(Path chromium, Path chromedriver, Map<String, String> env) {
    String missing = null;
    if (!Files.isExecutable(chromium)) {
      missing = "Chromium not found at " + chromium + INSTALL;
    } else if (!Files.isExecutable(chromedriver)) {
      missing = "chromedriver not found at " + chromedriver + INSTALL;
    }
    if (missing == null) {
      return;
    }
    // CI promises a browser; a silent skip there would hide that the browser tests never ran.
    if ("true".equals(env.get("CI"))) {
      fail(missing);
    }
    // Surefire reports a skip from @BeforeAll as nothing at all; say it where the build shows it.
    System.err.println("SKIPPED browser tests: " + missing);
    Assumptions.abort(missing);
  }

  /**
   * A headless Chromium with a fresh profile, driven by the system chromedriver; naming both
   * binaries keeps Selenium Manager out, and host resolution is switched off so pages that name
   * remote images never reach the network.
   */
  public static Chromium startChromium(int width, int height) {
    Path profile;
    try {
      profile = Files.createTempDirectory("omp-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    return new Chromium(new ChromeDriver(service, options), profile);
  }

  /** A running browser and its profile directory; closing quits it and deletes the profile. */
  public record Chromium(ChromeDriver driver, Path profile) implements AutoCloseable {

    @Override
    public void close() {
      driver.quit();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
