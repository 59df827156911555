package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.SharedClientData;

/** Hostile titles, texts, labels, postbacks and URLs come out as inert text and no links. */
class HtmlPreviewXssTest {

  private static final String SAFE_URL = "https://cdn.example.com/ok.png";

  /** Bubble, file name, location label, 16 on the card, 5 in the carousel, response, 14 chips. */
  private static final int VISIBLE_TEXTS = 39;

  static Stream<String> hostileTexts() {
    return Stream.of(
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "' onmouseover='alert(1)' x='",
        "\" onfocus=\"alert(1)\" autofocus=\"",
        "</div></div></a></button><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">tap</a>",
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#60;b&#62;",
        "<!-- <style>@import 'https://evil.example/x.css'</style>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<![CDATA[ ]]> <? x ?> <!doctype html>",
        "`${alert(1)}` {{constructor.constructor('alert(1)')()}}");
  }

  static Stream<String> hostileUrls() {
    return Stream.of(
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\tjavascript:alert(1)",
        "\u0001javascript:alert(1)",
        "\u0000javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "javascript&#58;alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:text/html,<script>alert(1)</script>",
        " data:image/svg+xml,<svg onload=alert(1)>",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "\u000bvbscript:msgbox(1)",
        "file:///etc/passwd",
        "blob:https://evil.example/x",
        "//evil.example/x",
        "/relative/path",
        "https\u0000://evil.example",
        "\u00a0https://evil.example",
        "\"><script>alert(1)</script>",
        "");
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void render_hostileTextEverywhere_isInertAndShownAsText(String text) {
    Element root = Hostile.assertInert(HtmlPreview.render(Hostile.everything(text, SAFE_URL)));

    assertThat(root.select(".omp-title, .omp-description, .omp-bubble.omp-text, .omp-label,"
        + " .omp-file:not(.omp-audio-file) .omp-file-name, .omp-location-label, .omp-response"))
        .hasSize(VISIBLE_TEXTS)
        .allSatisfy(e -> assertThat(e.wholeText()).isEqualTo(text));
    assertThat(root.select(".omp-sugg, .omp-response")).allSatisfy(e -> {
      assertThat(e.attr("data-postback")).isEqualTo(text);
      assertThat(e.attr("data-display-text")).isEqualTo(text);
    });
    assertThat(root.selectFirst(".omp-media-img").attr("alt")).isEqualTo(text);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void render_hostileText_hasTheSameShapeAsPlainText(String text) {
    Element hostile = Hostile.assertInert(HtmlPreview.render(Hostile.everything(text, SAFE_URL)));
    Element plain = Hostile.assertInert(HtmlPreview.render(Hostile.everything("x", SAFE_URL)));

    assertThat(Hostile.shape(hostile)).isEqualTo(Hostile.shape(plain));
  }

  @ParameterizedTest
  @MethodSource("hostileUrls")
  void render_hostileUrlEverywhere_emitsNoLinkOrSourceForIt(String url) {
    String html = HtmlPreview.render(Hostile.everything("label", url));

    Element root = Hostile.assertInert(html);

    assertThat(root.select("[href], [src], [data-url], [data-fallback-url]"))
        .allSatisfy(e -> assertThat(e.toString()).doesNotContain("evil", "alert", "msgbox",
            "passwd", "relative"));
    assertThat(root.select("img")).isEmpty();
    assertThat(root.select("a[href^=http]")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("hostileUrls")
  void render_hostileUrl_looksLikeNoUrlAtAll(String url) {
    Element hostile = Hostile.assertInert(HtmlPreview.render(Hostile.everything("x", url)));
    Element absent = Hostile.assertInert(HtmlPreview.render(Hostile.everything("x", null)));

    assertThat(Hostile.shape(hostile)).isEqualTo(Hostile.shape(absent));
  }

  @Test
  void render_httpsUrlWithQuotes_staysInsideItsAttribute() {
    String url = "https://ok.example/?q=\"onmouseover=\"alert(1)&x='y'<b>";

    Element root = Hostile.assertInert(HtmlPreview.render(Hostile.everything("x", url)));

    assertThat(root.select("a.omp-sugg[data-kind=openUrl]").first().attr("href")).isEqualTo(url);
    assertThat(root.selectFirst(".omp-media-img").attr("src")).isEqualTo(url);
  }

  @Test
  void render_allowedSchemes_areEmittedInAnyCase() {
    Element root = Hostile.assertInert(HtmlPreview.render(
        Hostile.everything("x", "MAILTO:someone@example.com")));

    assertThat(root.select("a.omp-sugg[data-kind=openUrl]").first().attr("href"))
        .isEqualTo("MAILTO:someone@example.com");
    assertThat(root.select("img")).as("mailto is a link, never an image source").isEmpty();
  }

  @Test
  void render_bidiOverridesInVisibleText_areDroppedAndTextIsIsolated() {
    String spoof = "invoice\u202Efdp.exe\u202C \u202Aa\u202Bb\u202Dc \u2066d\u2067e\u2068f\u2069";

    Element root = Hostile.assertInert(HtmlPreview.render(Hostile.everything(spoof, SAFE_URL)));

    List<Element> visible = root.select(".omp-title, .omp-description, .omp-bubble.omp-text,"
        + " .omp-label, .omp-file:not(.omp-audio-file) .omp-file-name, .omp-location-label,"
        + " .omp-response");
    assertThat(visible).hasSize(VISIBLE_TEXTS).allSatisfy(e -> {
      assertThat(e.wholeText()).isEqualTo("invoicefdp.exe abc def");
      assertThat(e.attr("dir")).isEqualTo("auto");
    });
    assertThat(root.selectFirst(".omp-media-img").attr("alt")).isEqualTo("invoicefdp.exe abc def");
    assertThat(root.selectFirst(".omp-sugg").attr("data-postback"))
        .as("a postback goes back to the chatbot exactly as it came").isEqualTo(spoof);
  }

  @Test
  void render_controlCharactersInPostback_surviveTheParser() {
    String postback = "line1\r\nline2\ttab\u0001";

    Element root = Hostile.assertInert(HtmlPreview.render(Hostile.everything(postback, SAFE_URL)));

    assertThat(root.selectFirst(".omp-sugg").attr("data-postback")).isEqualTo(postback);
  }

  @Test
  void render_hostileDeviceSpecifics_isInert() {
    String text = "\"><script>alert(1)</script>";
    SharedClientData shared = new SharedClientData(new SharedClientData.SharedData(
        new SharedClientData.DeviceSpecifics(text, text, text, text, 1L)));

    Element root = Hostile.assertInert(HtmlPreview.render(shared));

    assertThat(root.selectFirst(".omp-note").text()).contains(text);
  }

  @Test
  void render_hostileCoordinates_emitNoGeoLink() {
    RcsMessage nan = Samples.location(new org.openmaap.card.model.GeolocationPushMessage(
        "NaN Infinity", "x", null, null, Double.NaN));
    RcsMessage outside = Samples.location(new org.openmaap.card.model.GeolocationPushMessage(
        "91 181", "x", null, null, -1.0));

    assertThat(Hostile.assertInert(HtmlPreview.render(nan)).select("[href]")).isEmpty();
    assertThat(Hostile.assertInert(HtmlPreview.render(outside)).select("[href]")).isEmpty();
  }

  @Test
  void assertInert_onAnInlineHandler_fails() {
    // The checker itself must catch what it is there to catch.
    String bad = "<div class=\"omp-preview\"><b onclick=\"x()\">x</b></div>";

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hostile.assertInert(bad))
        .isInstanceOf(AssertionError.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hostile.assertInert(
        "<div class=\"omp-preview\"><a href=\" javascript:x()\">x</a></div>"))
        .isInstanceOf(AssertionError.class);
    assertThat(Jsoup.parseBodyFragment(bad).select("[onclick]")).hasSize(1);
  }
}
