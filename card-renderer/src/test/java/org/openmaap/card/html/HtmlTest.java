package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  private static String text(String s) {
    StringBuilder out = new StringBuilder();
    Html.text(out, s);
    return out.toString();
  }

  private static String attr(String s) {
    StringBuilder out = new StringBuilder();
    Html.attr(out, s);
    return out.toString();
  }

  @Test
  void text_crThenDroppedCharacterThenLf_foldsToOneLineBreak() {
    assertThat(text("a\r\u202d\nb")).isEqualTo("a\nb");
    assertThat(text("a\r\u202db")).isEqualTo("a\nb");
  }

  @Test
  void text_fiveSpecialCharacters_areAllEscaped() {
    assertThat(text("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
  }

  @Test
  void attr_fiveSpecialCharacters_areAllEscaped() {
    assertThat(attr("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
  }

  @Test
  void text_plainString_isCopiedUnchanged() {
    String plain = "Caff\u00e8 latte \u2014 \u0645\u0631\u062d\u0628\u0627 \ud83d\ude00\n\ttab";

    assertThat(text(plain)).isEqualTo(plain);
  }

  @Test
  void text_bidiControlsAndC0Controls_areDropped() {
    assertThat(text("a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j\u0000k"
        + "\u0007l\u007Fm")).isEqualTo("abcdefghijklm");
  }

  @Test
  void text_bidiMarks_areKept() {
    assertThat(text("a\u200Eb\u200Fc")).isEqualTo("a\u200Eb\u200Fc");
  }

  @Test
  void attr_bidiControls_areKeptVerbatim() {
    assertThat(attr("a\u202Eb")).isEqualTo("a\u202Eb");
  }

  @Test
  void attr_carriageReturn_becomesAReference() {
    assertThat(attr("a\r\nb")).isEqualTo("a&#13;\nb");
  }

  @Test
  void text_carriageReturns_becomeLineFeedsAsInABrowser() {
    assertThat(text("a\r\nb\rc\n\rd")).isEqualTo("a\nb\nc\n\nd");
  }

  @Test
  void attrNameValue_null_appendsNothing() {
    StringBuilder out = new StringBuilder("<a");

    Html.attr(out, "href", null);

    assertThat(out).hasToString("<a");
  }
}
