package org.openmaap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.BrowserSupport;
import org.openmaap.platform.RunningPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** /docs in headless Chromium: Swagger UI, served by the platform, shows the API's operations. */
class DocsPageBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;
  private static BrowserSupport.Chromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    BrowserSupport.requireChromium();
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    chromium = BrowserSupport.startChromium(1280, 1000);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (platform != null) {
      platform.close();
      vertx.close().await();
    }
  }

  @Test
  void docs_showsTheOperationsAndTheWebhooks_fromThePlatformAlone() throws IOException {
    browser.get("http://localhost:" + platform.port() + "/docs");

    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d ->
        d.findElements(By.cssSelector(".opblock")).size() > 30);
    // Swagger UI breaks long paths with zero-width spaces.
    String text = browser.findElement(By.id("api")).getText().replace("\u200b", "");
    List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
        .map(WebElement::getText).map(path -> path.replace("\u200b", "")).toList();

    assertThat(text).contains("OpenMaaP platform API", "Send a message to a user",
        "Get an access token (OAuth2 client credentials)", "Webhooks", "messageStatus");
    assertThat(paths).contains("/bot/v1/{botId}/messages", "/oauth2/v1/token",
        "/admin/v1/chatbots", "/network/v1/devices/{msisdn}/ws");
    assertThat(resourcesFromElsewhere()).isEmpty();
    screenshot("docs");
  }

  /** Everything the page loaded that the platform did not serve. */
  private static List<?> resourcesFromElsewhere() {
    Object urls = ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(e => e.name)"
            + ".filter(u => !u.startsWith(location.origin) && !u.startsWith('data:'));");
    return (List<?>) urls;
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
