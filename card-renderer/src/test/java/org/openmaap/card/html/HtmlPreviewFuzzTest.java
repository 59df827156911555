package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.nodes.Element;

/** Random strings built from the characters that matter to HTML, URLs and bidi, everywhere. */
class HtmlPreviewFuzzTest {

  private static final String NASTY = "<>\"'&=/: ;()#?%\\`\t\n\r\u000b\u0001\u00a0\u0085"
      + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u0645\u05e9"
      + "ajvscriptdhmlo1";

  @Provide
  Arbitrary<String> nasty() {
    return Arbitraries.strings().withChars(NASTY.toCharArray()).ofMinLength(1).ofMaxLength(40);
  }

  @Property(tries = 300)
  void render_randomTextAndUrl_isInertAndRoundTrips(
      @ForAll("nasty") String text, @ForAll("nasty") String url) {
    Element root = Hostile.assertInert(HtmlPreview.render(Hostile.everything(text, url)));

    String visible = withoutDroppedCharacters(text);
    assertThat(root.select(".omp-title, .omp-label")).allSatisfy(
        e -> assertThat(e.wholeText()).isEqualTo(visible));
    assertThat(root.select(".omp-sugg")).allSatisfy(
        e -> assertThat(e.attr("data-postback")).isEqualTo(text));
  }

  /** What Html.text keeps, with CR as the parser leaves it, written out independently. */
  private static String withoutDroppedCharacters(String s) {
    StringBuilder kept = new StringBuilder();
    for (char c : s.toCharArray()) {
      boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
      if (!bidi && !control) {
        kept.append(c);
      }
    }
    return kept.toString().replace("\r\n", "\n").replace('\r', '\n');
  }
}
