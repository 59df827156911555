package org.openmaap.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.BrowserSupport;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.samples.parcel.ParcelTracking;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the newcomer does after {@code ./run.sh}: opens the two phone links the demo prints in a
 * browser (headless Chromium) and chats with the sample chatbots in the phone simulator.
 */
class DemoInTheSimulatorBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static Demo demo;
  private static BrowserSupport.Chromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    BrowserSupport.requireChromium();
    vertx = Vertx.vertx();
    demo = Demo.start(vertx, RunningPlatform.config(dataDir), Clock.systemUTC(),
        ParcelTracking.DEMO_PACE).await();
    chromium = BrowserSupport.startChromium(1280, 1000);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (demo != null) {
      demo.stop().await();
      vertx.close().await();
    }
  }

  @AfterEach
  void leavePage() {
    // The page reads its fragment once: a new phone needs a fresh page, not a new fragment.
    browser.get("about:blank");
  }

  @Test
  void rcsPhoneLink_showsTheWaitingParcel_andTheCoffeeMenuWithItsPictures() throws IOException {
    browser.get(link("RCS phone"));
    await(() -> "connected".equals(connection()));

    openChat("parcels");
    WebElement parcel = shownWith("Parcel OP4711 is on its way");
    assertThat(loaded(parcel.findElement(By.tagName("img")))).isTrue();

    browser.get("about:blank");
    browser.get(link("RCS phone"));
    await(() -> "connected".equals(connection()));
    openChat("coffee");
    type("hi");
    WebElement menu = shownWith("Cold brew");

    assertThat(menu.findElements(By.cssSelector(".omp-title")).stream().map(WebElement::getText))
        .containsExactly("Latte", "Cappuccino", "Flat white", "Cold brew");
    assertThat(menu.findElements(By.tagName("img"))).hasSize(4)
        .allMatch(DemoInTheSimulatorBrowserTest::loaded);
    screenshot("demo-coffee-menu");
  }

  @Test
  void smsOnlyPhoneLink_showsTheParcelSms_andAnsweringOneBringsTheSlots() throws IOException {
    browser.get(link("SMS-only phone"));
    await(() -> "sms-only".equals(connection()));
    By thread = By.cssSelector("#conversations .conversation");
    click(thread);
    await(() -> texts("#messages .entry.sms").stream().anyMatch(t -> t.contains("OpenParcel")));

    type("1");

    await(() -> texts("#messages .entry.sms").stream()
        .anyMatch(t -> t.contains("when shall we bring")));
    assertThat(texts("#messages .entry.sms")).anyMatch(t -> t.contains("3) Tomorrow 18-21"));
    screenshot("demo-sms-phone");
  }

  /** A link the demo prints, by the name on its line. */
  private static String link(String name) {
    return demo.banner().lines().filter(line -> line.trim().startsWith(name))
        .map(line -> line.substring(line.indexOf("http")))
        .findFirst().orElseThrow();
  }

  private static void openChat(String botId) {
    By chat = By.cssSelector("[data-key='rcs:" + botId + "']");
    click(chat);
    await(() -> browser.findElement(By.id("text")).isDisplayed());
  }

  /** Clicks the element once it is there, again if it went stale before the click landed. */
  private static void click(By element) {
    await(() -> {
      browser.findElement(element).click();
      return true;
    });
  }

  private static WebElement shownWith(String text) {
    By shown = By.cssSelector("#messages .entry[data-state='shown']");
    return waiting().until(d -> browser.findElements(shown).stream()
        .filter(e -> e.getText().contains(text)).findFirst().orElse(null));
  }

  private static boolean loaded(WebElement image) {
    return Boolean.TRUE.equals(browser.executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0;", image));
  }

  private static void type(String text) {
    browser.findElement(By.id("text")).sendKeys(text, Keys.ENTER);
  }

  private static String connection() {
    return (String) browser.executeScript("return document.body.dataset.connection;");
  }

  private static List<String> texts(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream().map(WebElement::getText)
        .toList();
  }

  private static void await(BooleanSupplier condition) {
    // Pages re-render lists as frames arrive: an element gone stale is looked up again.
    waiting().until(d -> condition.getAsBoolean());
  }

  private static WebDriverWait waiting() {
    return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15))
        .ignoring(StaleElementReferenceException.class);
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
