package org.openmaap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.card.BrowserSupport;
import org.openmaap.platform.Eventually;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.TestDevice;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium: signed in as the operator or as a chatbot, a campaign's
 * progress bar moves, pausing it stops it, and the insights charts draw.
 */
class ConsolePageBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target/screenshots");
  private static final String BOT = "florist";
  private static final Duration WITHIN = Duration.ofSeconds(15);
  private static final AtomicInteger SMS_NUMBERS = new AtomicInteger(500);

  @TempDir
  static Path dataDir;

  private static Vertx vertx;
  private static RunningPlatform platform;
  private static FakeChatbot bot;
  private static JsonObject registration;
  private static String token;
  private static final List<TestDevice> devices = new ArrayList<>();
  private static BrowserSupport.Chromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void start() {
    BrowserSupport.requireChromium();
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    registration = platform.register(BOT, bot.url());
    token = platform.token(registration);
    platform.register("bakery", bot.url());
    for (int i = 0; i < 4; i++) {
      devices.add(platform.device(rcsPhone(i)));
    }
    chromium = BrowserSupport.startChromium(1280, 1100);
    browser = chromium.driver();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    devices.forEach(TestDevice::close);
    if (platform != null) {
      bot.close();
      platform.close();
      vertx.close().await();
    }
  }

  @AfterEach
  void leavePage() {
    // The session lives in the tab's sessionStorage: each test signs in afresh.
    browser.executeScript("sessionStorage.clear();");
    browser.get("about:blank");
  }

  @Test
  void operator_seesTheProgressBarMove_pauseStopsIt_resumeGoesOn_cancelEndsIt() throws IOException {
    String id = createCampaign("Spring bouquets", recipients(40), 4);
    signInAsOperator();

    browser.findElement(By.cssSelector("#bots [data-bot-id='" + BOT + "']")).click();
    WebElement campaign = campaign(id);
    await(() -> progress(id) >= 1);
    double before = progress(id);
    await(() -> progress(id) > before);

    assertThat(progress(id)).isGreaterThan(before);
    assertThat(campaign.findElement(By.cssSelector(".name")).getText())
        .isEqualTo("Spring bouquets");
    assertThat(browser.findElements(By.cssSelector("#bots .bot"))).extracting(WebElement::getText)
        .contains("Bot " + BOT, "Bot bakery");
    screenshot("console-running");

    campaign.findElement(By.cssSelector("[data-action='pause']")).click();

    await(() -> "paused".equals(campaign.getAttribute("data-status")));
    assertThat(status(id).getString("status")).isEqualTo("paused");
    // Pausing stops sending within a second; after that the bar and the counts stand still.
    sleep(Duration.ofMillis(1200));
    reload(id);
    double paused = progress(id);
    int handedOn = status(id).getInteger("handedOn");
    sleep(Duration.ofMillis(1500));
    reload(id);
    assertThat(progress(id)).isEqualTo(paused).isLessThan(40);
    assertThat(status(id).getInteger("handedOn")).isEqualTo(handedOn);
    screenshot("console-paused");

    campaign(id).findElement(By.cssSelector("[data-action='resume']")).click();

    await(() -> "running".equals(campaign(id).getAttribute("data-status")));
    await(() -> progress(id) > paused);
    campaign(id).findElement(By.cssSelector("[data-action='cancel']")).click();

    await(() -> "cancelled".equals(campaign(id).getAttribute("data-status")));
    assertThat(status(id).getString("status")).isEqualTo("cancelled");
    assertThat(campaign(id).findElement(By.cssSelector("[data-action='resume']")).isDisplayed())
        .isFalse();
  }

  @Test
  void insightsCharts_drawTheMessagesByChannel_andTheRates() throws IOException {
    String id = createCampaign("Tulips", recipients(8), 20);
    Eventually.until(() -> status(id).getString("status"), "completed"::equals, WITHIN);
    for (TestDevice device : devices) {
      JsonObject message = device.next("message");
      String msgId = message.getJsonObject("RCSMessage").getString("msgId");
      device.send(new JsonObject().put("type", "delivered").put("msgId", msgId));
      device.send(new JsonObject().put("type", "displayed").put("msgId", msgId));
    }
    signInAsOperator();

    browser.findElement(By.cssSelector("#bots [data-bot-id='" + BOT + "']")).click();

    await(() -> "24".equals(browser.findElement(By.id("chart-volume"))
        .getAttribute("data-hours")));
    assertThat(Integer.parseInt(browser.findElement(By.id("chart-volume"))
        .getAttribute("data-sent"))).isGreaterThanOrEqualTo(8);
    assertThat(browser.findElement(By.cssSelector("#totals [data-total='sent'] dd")).getText())
        .isNotEqualTo("0");
    for (String chart : List.of("chart-volume", "chart-rates")) {
      JsonObject drawn = canvas(chart);
      assertThat(drawn.getInteger("width")).as(chart).isPositive();
      assertThat(drawn.getInteger("height")).as(chart).isPositive();
      assertThat(drawn.getInteger("coloured")).as("coloured pixels of %s", chart).isPositive();
    }
    browser.executeScript("document.getElementById('insights-title').scrollIntoView();");
    screenshot("console-insights");
  }

  @Test
  void chatbot_signsInWithItsClientCredentials_andSeesItsOwnCampaigns() throws IOException {
    String id = createCampaign("Roses later", recipients(3), 4, "2030-01-01T00:00:00Z");
    String other = platform.token(platform.register("nursery", bot.url()));
    platform.request(HttpMethod.POST, "/bot/v1/nursery/campaigns").bearerTokenAuthentication(other)
        .sendJsonObject(campaignBody("Not the florist's", recipients(1), 4)).await();
    open();

    browser.findElement(By.id("bot-id")).sendKeys(BOT);
    browser.findElement(By.id("client-id")).sendKeys(registration.getString("clientId"));
    browser.findElement(By.id("client-secret")).sendKeys(registration.getString("clientSecret"));
    browser.findElement(By.cssSelector("#bot-form button[type='submit']")).click();

    WebElement campaign = campaign(id);
    assertThat(campaign.getAttribute("data-status")).isEqualTo("scheduled");
    assertThat(browser.findElements(By.cssSelector("#campaigns .campaign .name")))
        .extracting(WebElement::getText).contains("Roses later")
        .doesNotContain("Not the florist's");
    assertThat(browser.findElement(By.id("bots-box")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("who")).getText()).contains(BOT);
    Object stored = browser.executeScript(
        "return [sessionStorage.length, localStorage.length];");
    assertThat(stored).isEqualTo(List.of(1L, 0L));
    screenshot("console-chatbot");

    campaign.findElement(By.cssSelector("[data-action='pause']")).click();

    await(() -> "paused".equals(campaign(id).getAttribute("data-status")));
    assertThat(status(id).getString("status")).isEqualTo("paused");
  }

  @Test
  void refusedCredentials_keepTheSignInForm_withAMessage() {
    open();
    browser.findElement(By.id("admin-token")).sendKeys("not-the-admin-token");
    browser.findElement(By.cssSelector("#admin-form button[type='submit']")).click();

    await(() -> !browser.findElement(By.id("sign-in-message")).getText().isEmpty());
    assertThat(browser.findElement(By.id("sign-in-message")).getText()).contains("refused");
    assertThat(browser.findElement(By.id("workspace")).isDisplayed()).isFalse();

    browser.findElement(By.id("bot-id")).sendKeys(BOT);
    browser.findElement(By.id("client-id")).sendKeys(registration.getString("clientId"));
    browser.findElement(By.id("client-secret")).sendKeys("wrong-secret");
    browser.findElement(By.cssSelector("#bot-form button[type='submit']")).click();

    await(() -> browser.findElement(By.id("sign-in-message")).getText()
        .contains("client id and secret were refused"));
    assertThat(browser.findElement(By.id("workspace")).isDisplayed()).isFalse();
  }

  // ----- the page ------------------------------------------------------------------------------

  private static void open() {
    browser.get("http://localhost:" + platform.port() + "/console");
    await(() -> browser.findElement(By.id("admin-token")).isDisplayed());
  }

  private static void signInAsOperator() {
    open();
    browser.findElement(By.id("admin-token")).sendKeys(RunningPlatform.ADMIN_TOKEN);
    browser.findElement(By.cssSelector("#admin-form button[type='submit']")).click();
    await(() -> !browser.findElements(By.cssSelector("#bots [data-bot-id='" + BOT + "']"))
        .isEmpty());
  }

  /** Picks the chatbot again: the list is drawn afresh from the API. */
  private static void reload(String campaignId) {
    browser.findElement(By.cssSelector("#bots [data-bot-id='" + BOT + "']")).click();
    campaign(campaignId);
  }

  private static String entry(String campaignId) {
    return "#campaigns .campaign[data-campaign-id='" + campaignId + "']";
  }

  private static WebElement campaign(String campaignId) {
    await(() -> !browser.findElements(By.cssSelector(entry(campaignId))).isEmpty());
    return browser.findElement(By.cssSelector(entry(campaignId)));
  }

  /** The progress bar's value: how many recipients the campaign has handed on. */
  private static double progress(String campaignId) {
    return ((Number) browser.executeScript("return document.querySelector(arguments[0]"
        + " + ' progress').value;", entry(campaignId))).doubleValue();
  }

  /** The chart's canvas: its size, and how many of its pixels are coloured (not grey). */
  private static JsonObject canvas(String chart) {
    Object measured = browser.executeScript("""
        const canvas = document.querySelector('#' + arguments[0] + ' canvas');
        if (!canvas) { return null; }
        const pixels = canvas.getContext('2d')
            .getImageData(0, 0, canvas.width, canvas.height).data;
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          const r = pixels[i], g = pixels[i + 1], b = pixels[i + 2];
          if (pixels[i + 3] > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) { coloured++; }
        }
        return JSON.stringify({width: canvas.width, height: canvas.height, coloured: coloured});
        """, chart);
    assertThat(measured).as("a canvas in #%s", chart).isNotNull();
    return new JsonObject((String) measured);
  }

  private static void await(BooleanSupplier condition) {
    new WebDriverWait(browser, WITHIN).until(d -> condition.getAsBoolean());
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  // ----- the chatbot ---------------------------------------------------------------------------

  private static String rcsPhone(int i) {
    return "+86138000005" + String.format("%02d", i);
  }

  /** The connected RCS phones first, then SMS-only numbers. */
  private static JsonArray recipients(int n) {
    return new JsonArray(IntStream.range(0, n).mapToObj(i -> new JsonObject()
        .put("userContact", i < devices.size() ? rcsPhone(i)
            : "+86139" + String.format("%08d", SMS_NUMBERS.incrementAndGet()))
        .put("vars", new JsonObject().put("name", "Guest " + i))).toList());
  }

  private static JsonObject campaignBody(String name, JsonArray recipients, int ratePerSecond) {
    return new JsonObject().put("name", name)
        .put("message", new JsonObject().put("textMessage", "Hello {{name}}, fresh flowers today"))
        .put("recipients", recipients).put("ratePerSecond", ratePerSecond);
  }

  private static String createCampaign(String name, JsonArray recipients, int ratePerSecond) {
    return createCampaign(name, recipients, ratePerSecond, null);
  }

  private static String createCampaign(String name, JsonArray recipients, int ratePerSecond,
      String startAt) {
    JsonObject body = campaignBody(name, recipients, ratePerSecond);
    if (startAt != null) {
      body.put("startAt", startAt);
    }
    HttpResponse<Buffer> created = platform.request(HttpMethod.POST, "/bot/v1/" + BOT
        + "/campaigns").bearerTokenAuthentication(token).sendJsonObject(body).await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("campaignId");
  }

  private static JsonObject status(String campaignId) {
    return platform.request(HttpMethod.GET, "/bot/v1/" + BOT + "/campaigns/" + campaignId)
        .bearerTokenAuthentication(token).send().await().bodyAsJsonObject();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
