package org.openmaap.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.BrowserSupport;
import org.openmaap.card.Fixtures;
import org.openmaap.card.sms.Segmentation;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.RunningPlatform;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The preview tool in headless Chromium against a running platform, as a developer uses it. */
class PreviewPageBrowserTest {

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

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  static Stream<String> invalidCards() {
    List<String> names = new ArrayList<>();
    Fixtures.json("cards/invalid/expected.json").fieldNames().forEachRemaining(names::add);
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void paste_validFixture_showsTheCardAndTheSameSmsAsTheCli(String name) throws IOException {
    byte[] fixture = Fixtures.bytes("cards/valid/" + name);
    var document = Validator.validate(fixture).document();
    String sms = SmsText.render(document, SmsOptions.defaults()).text();
    Segmentation segments = SmsText.render(document, SmsOptions.defaults()).segmentation();

    paste(new String(fixture, java.nio.charset.StandardCharsets.UTF_8));
    await(() -> !browser.findElements(By.cssSelector("#phone .omp-preview")).isEmpty());

    var shown = org.openmaap.card.html.Shown.of(document);
    assertThat(texts("#phone .omp-title")).containsExactlyElementsOf(shown.titles());
    assertThat(texts("#phone .omp-description")).containsExactlyElementsOf(shown.descriptions());
    assertThat(texts("#phone .omp-sugg .omp-label")).containsExactlyElementsOf(shown.labels());
    assertThat(String.join("", browser.findElements(By.cssSelector("#sms .sms-text")).stream()
        .map(e -> e.getAttribute("textContent")).toList())).isEqualTo(sms);
    assertThat(browser.findElement(By.id("sms-facts")).getText())
        .startsWith(segments.encoding().label() + " \u00b7 " + segments.count() + " segment");
    assertThat(texts("#violations li")).containsExactly("None: the document is valid.");
    screenshot("preview-tool-" + name.replace(".json", ""));
  }

  @Test
  void carousel_scrollsSideways() {
    paste(Fixtures.text("cards/valid/carousel.json"));
    await(() -> !browser.findElements(By.cssSelector("#phone .omp-carousel")).isEmpty());

    Object scrolled = browser.executeScript("const row = document.querySelector("
        + "'#phone .omp-carousel'); row.style.scrollSnapType = 'none'; row.scrollLeft = 100;"
        + " return row.scrollWidth > row.clientWidth && row.scrollLeft === 100;");

    assertThat(scrolled).isEqualTo(true);
  }

  @ParameterizedTest
  @MethodSource("invalidCards")
  void paste_invalidFixture_listsTheViolationsAndSelectingOneHighlightsIt(String name)
      throws IOException {
    var expected = Fixtures.json("cards/invalid/expected.json").get(name);
    String path = expected.get(0).get(0).asText();
    String code = expected.get(0).get(1).asText();

    paste(Fixtures.text("cards/invalid/" + name));
    By item = By.cssSelector("#violations li[data-path='" + path + "'][data-code='" + code + "']");
    await(() -> !browser.findElements(item).isEmpty());
    browser.findElement(item).click();

    String selected = (String) browser.executeScript("const e = document.getElementById('editor');"
        + " return e.value.substring(e.selectionStart, e.selectionEnd);");
    String member = path.substring(path.lastIndexOf('/') + 1);
    String parent = path.substring(0, path.lastIndexOf('/'));
    String parentName = parent.substring(parent.lastIndexOf('/') + 1);
    assertThat(selected).as("selection for %s", path)
        .satisfiesAnyOf(s -> assertThat(s).startsWith("\"" + member + "\""),
            s -> assertThat(s).startsWith("\"" + parentName + "\""));
    assertThat(browser.findElement(By.cssSelector("#phone")).getText()).contains("Not rendered");
    screenshot("preview-tool-invalid-" + name.replace(".json", ""));
  }

  @Test
  void paste_ctcuSend_showsWhatItsMessageListBecomesOnThePhoneAndAsSms() {
    paste("{\"messageId\": \"order-4711\", \"messageList\": ["
        + "{\"contentType\": \"text/plain\", \"contentEncoding\": \"utf8\","
        + " \"contentText\": \"Your parcel ships today\"},"
        + " {\"contentType\": \"application/vnd.gsma.botsuggestion.v1.0+json\","
        + " \"contentText\": {\"suggestions\": [{\"reply\": {\"displayText\": \"Track\","
        + " \"postback\": {\"data\": \"track\"}}}]}}],"
        + " \"destinationAddress\": [\"tel:+8613800000000\"]}");
    await(() -> !browser.findElements(By.cssSelector("#phone .omp-preview")).isEmpty());

    assertThat(browser.findElement(By.id("phone")).getText())
        .contains("Your parcel ships today").contains("Track");
    assertThat(smsText()).isEqualTo("Your parcel ships today\n1) Track\nReply with a number.");
    assertThat(texts("#violations li")).containsExactly("None: the document is valid.");
  }

  @Test
  void paste_cmccRequest_showsWhatItsMultipartBodyTextBecomes_andAWrongPartsPath() {
    String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<msg:outboundMessageRequest xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">\n"
        + "  <address>tel:+8613800000000</address>\n"
        + "  <outboundIMMessage>\n"
        + "    <contentType>multipart/mixed; boundary=\"next\"</contentType>\n"
        + "    <bodyText><![CDATA[--next\nContent-Type: text/plain\n\nYour parcel ships today\n"
        + "--next\nContent-Type: application/vnd.gsma.botsuggestion.v1.0+json\n\n"
        + "{\"suggestions\": [{\"reply\": {\"displayText\": \"Track\","
        + " \"postback\": {\"data\": \"track\"}}}]}\n--next--\n]]></bodyText>\n"
        + "  </outboundIMMessage>\n"
        + "</msg:outboundMessageRequest>\n";

    paste(request);
    await(() -> !browser.findElements(By.cssSelector("#phone .omp-preview")).isEmpty());
    String phoneText = browser.findElement(By.id("phone")).getText();
    String sms = smsText();
    List<String> valid = texts("#violations li");
    paste(request.replace("Content-Type: text/plain", "Content-Type: text/html"));
    By wrongPart = By.cssSelector("#violations li[data-path="
        + "'/outboundMessageRequest/outboundIMMessage/bodyText/part[1]']");
    await(() -> !browser.findElements(wrongPart).isEmpty());

    assertThat(phoneText).contains("Your parcel ships today").contains("Track");
    assertThat(sms).isEqualTo("Your parcel ships today\n1) Track\nReply with a number.");
    assertThat(valid).containsExactly("None: the document is valid.");
    assertThat(browser.findElement(By.id("phone")).getText()).contains("Not rendered");
  }

  @Test
  void copyAsCurl_showsASendCommandForTheDocument() {
    paste(Fixtures.text("cards/valid/single-card.json"));
    browser.findElement(By.id("curl")).click();

    String command = browser.findElement(By.id("curl-command")).getText();

    assertThat(command).contains("/bot/v1/$BOT_ID/messages", "Authorization: Bearer $TOKEN",
        "\"richcardMessage\"", "\"userContact\":\"+8613800000000\"");
  }

  private static void paste(String json) {
    if (!browser.getCurrentUrl().endsWith("/preview")) {
      browser.get("http://localhost:" + platform.port() + "/preview");
    }
    browser.executeScript("const e = document.getElementById('editor'); e.value = arguments[0];"
        + " e.dispatchEvent(new Event('input'));", json);
    await(() -> "ready".equals(browser.executeScript("return document.body.dataset.state;")));
  }

  /** The SMS the page shows, its segments joined. */
  private static String smsText() {
    return String.join("", browser.findElements(By.cssSelector("#sms .sms-text")).stream()
        .map(e -> e.getAttribute("textContent")).toList());
  }

  private static List<String> texts(String selector) {
    List<WebElement> elements = browser.findElements(By.cssSelector(selector));
    assertThat(elements).as(selector).allSatisfy(e -> assertThat(e.isDisplayed()).isTrue());
    return elements.stream().map(WebElement::getText).toList();
  }

  private static void await(java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> condition.getAsBoolean());
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
