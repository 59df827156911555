package org.openmaap.card.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.BrowserSupport;
import org.openmaap.card.Fixtures;
import org.openmaap.card.html.HtmlPreview;
import org.openmaap.card.html.Pages;
import org.openmaap.card.html.Samples;
import org.openmaap.card.html.Shown;
import org.openmaap.card.model.Document;
import org.openmaap.card.validation.Validator;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The {@code preview} page of every valid fixture, and a gallery of other renderings, in headless
 * Chromium: texts visible, carousels scroll, the SMS shown; screenshots to look at.
 */
class PreviewBrowserTest {

  private static final Path PAGES = Path.of("target/html-preview");
  private static final Path PREVIEWS = Path.of("target/preview");
  private static final Path SCREENSHOTS = Path.of("target/screenshots");

  private static BrowserSupport.Chromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void startBrowser() {
    BrowserSupport.requireChromium();
    chromium = BrowserSupport.startChromium(1100, 1000);
    browser = chromium.driver();
  }

  @AfterAll
  static void stopBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  static List<Samples.Named> gallery() {
    return Samples.gallery();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void render_validFixture_showsEveryTitleDescriptionAndButton(String fixture) throws IOException {
    Document document = Validator.validate(Fixtures.bytes("cards/valid/" + fixture)).document();
    String name = fixture.replace(".json", "");

    preview(fixture);

    Shown shown = Shown.of(document);
    assertShown("#phone .omp-title", shown.titles());
    assertShown("#phone .omp-description", shown.descriptions());
    assertShown("#phone .omp-sugg .omp-label", shown.labels());
    screenshotPage("preview-" + name);
  }

  @Test
  void render_textFileAndLocationFixtures_showTheirContent() throws IOException {
    preview("text-with-chips.json");
    assertShown("#phone .omp-bubble", List.of("Your parcel 4711 is out for delivery today."));
    assertThat(browser.findElement(By.cssSelector(".omp-sms .omp-sms-text")).getText())
        .startsWith("Your parcel 4711 is out for delivery today.\nDepot: https://");
    assertThat(browser.findElement(By.cssSelector(".omp-encoding")).getText()).isEqualTo("GSM-7");
    preview("file.json");
    assertShown(".omp-file-name", List.of("boarding-pass.pdf"));
    assertShown(".omp-file-meta", List.of("PDF \u00b7 88 kB"));
    preview("geolocation.json");
    assertShown(".omp-location-label", List.of("Meet here"));
    assertShown(".omp-coords", List.of("31.2304, 121.4737 \u00b7 \u00b110 m"));
  }

  @Test
  void render_carouselFixture_rowScrollsSideways() {
    preview("carousel.json");
    JavascriptExecutor js = browser;

    List<?> widths = (List<?>) js.executeScript("const row = document.querySelector("
        + "'.omp-carousel'); return [row.scrollWidth, row.clientWidth];");
    Object scrolled = js.executeScript("const row = document.querySelector('.omp-carousel');"
        + " row.style.scrollSnapType = 'none'; row.scrollLeft = 120; return row.scrollLeft;");

    assertThat(((Number) widths.get(0)).longValue())
        .isGreaterThan(((Number) widths.get(1)).longValue());
    assertThat(((Number) scrolled).doubleValue()).isEqualTo(120.0);
  }

  @ParameterizedTest
  @MethodSource("gallery")
  void render_gallerySample_showsItsTextsAndButtons(Samples.Named sample) throws IOException {
    open(sample.name(), HtmlPreview.render(sample.message()));

    Shown shown = Shown.of(sample.message());
    assertShown(".omp-title", shown.titles());
    assertShown(".omp-description", shown.descriptions());
    assertShown(".omp-sugg .omp-label", shown.labels());
    screenshot(sample.name());
  }

  /** Runs {@code preview FIXTURE -o target/preview/NAME.html} and opens the page it wrote. */
  private static void preview(String fixture) {
    Path page = PREVIEWS.resolve(fixture.replace(".json", ".html")).toAbsolutePath();
    int exit = CardCli.run(new String[] {"preview",
            Fixtures.file("cards/valid/" + fixture).toString(), "-o", page.toString()},
        java.io.InputStream.nullInputStream(), System.out, System.err);
    assertThat(exit).as("preview exit status").isZero();
    browser.get(page.toUri().toString());
  }

  private static void open(String name, String fragment) {
    browser.get(Pages.write(PAGES, name, fragment).toAbsolutePath().toUri().toString());
  }

  private static void assertShown(String selector, List<String> expected) {
    List<WebElement> elements = browser.findElements(By.cssSelector(selector));
    assertThat(elements).as(selector).allSatisfy(e -> assertThat(e.isDisplayed()).isTrue());
    assertThat(elements).extracting(WebElement::getText).as(selector)
        .containsExactlyElementsOf(expected);
  }

  private static void screenshotPage(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path png = browser.findElement(By.id("phone")).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(png, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
