package org.openmaap.card.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsSegmentsTest {
  private static final String ZHE = "\u0436"; // Cyrillic, one UTF-16 unit, not GSM
  private static final String GRINNING = "\uD83D\uDE00"; // U+1F600
  private static final String FLAG_FR = "\uD83C\uDDEB\uD83C\uDDF7";
  private static final String FLAG_DE = "\uD83C\uDDE9\uD83C\uDDEA";
  private static final String FAMILY = // man ZWJ woman ZWJ girl
      "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
  private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
  private static final String RED_HEART = "\u2764\uFE0F";
  private static final String E_ACUTE_COMBINING = "e\u0301";
  private static final String FLAG_ENGLAND = // black flag, tags g b e n g, cancel tag
      "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";
  private static final String KEYCAP_ONE = "1\uFE0F\u20E3";
  private static final String HANGUL_JAMO = "\u1100\u1161\u11A8"; // L V T: one syllable

  @Test
  void split_wholeBasicAlphabet_isGsm7AtOneSeptetEach() {
    Segmentation result = SmsSegments.split(GsmAlphabet.BASIC);

    assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(result.units()).containsExactly(127);
  }

  @ParameterizedTest
  @ValueSource(chars = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '\u20AC'})
  void split_extensionCharacter_costsTwoSeptets(char c) {
    Segmentation result = SmsSegments.split("a" + c);

    assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(result.units()).containsExactly(3);
  }

  @ParameterizedTest
  @ValueSource(chars = {'\f', '^', '{', '}', '\\', '[', '~', ']', '|', '\u20AC'})
  void split_extensionCharacterAcrossBoundary_isNotSplitFromItsEscape(char c) {
    String text = String.valueOf(c).repeat(81);

    Segmentation result = SmsSegments.split(text);

    assertThat(result.units()).containsExactly(152, 10);
    assertThat(result.segments().get(0).text()).hasSize(76);
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {
      "00E7", // c cedilla, lowercase: only the capital is GSM
      "0060", // backtick
      "0009", // tab
      "00A0", // no-break space
      "03B1", // Greek small alpha
      "03C9", // Greek small omega
      "0391", // Greek capital alpha: only ten Greek capitals are GSM
      "2019", // right single quotation mark
      "2018", // left single quotation mark
      "201C", // left double quotation mark
      "201D", // right double quotation mark
      "2013", // en dash
      "2026", // horizontal ellipsis
      "00D9", // U grave, capital: only the lowercase is GSM
      "00E1", // a acute
      "001B", // the escape code itself is not a character
  })
  void split_characterOftenMistakenForGsm_isUcs2(String hex) {
    String text = "Hello" + (char) Integer.parseInt(hex, 16);

    Segmentation result = SmsSegments.split(text);

    assertThat(result.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(result.units()).containsExactly(6);
  }

  @ParameterizedTest(name = "{0} septets -> {1}")
  @CsvSource({
      "152, 152", "153, 153", "154, 154", "159, 159", "160, 160",
      "161, 153+8", "306, 153+153", "307, 153+153+1",
  })
  void split_gsm7Length_fillsSegmentsUpToTheLimit(int length, String units) {
    Segmentation result = SmsSegments.split("a".repeat(length));

    assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(joined(result.units())).isEqualTo(units);
  }

  @ParameterizedTest(name = "{0} units -> {1}")
  @CsvSource({
      "66, 66", "67, 67", "68, 68", "69, 69", "70, 70",
      "71, 67+4", "134, 67+67", "135, 67+67+1",
  })
  void split_ucs2Length_fillsSegmentsUpToTheLimit(int length, String units) {
    Segmentation result = SmsSegments.split(ZHE.repeat(length));

    assertThat(result.encoding()).isEqualTo(Encoding.UCS_2);
    assertThat(joined(result.units())).isEqualTo(units);
  }

  static Stream<Arguments> textsAcrossABoundary() {
    return Stream.of(
        Arguments.of("euro filling a single segment", "a".repeat(158) + "\u20AC", "160"),
        Arguments.of("euro ending the first segment", "a".repeat(151) + "\u20AC" + "a".repeat(10),
            "153+10"),
        Arguments.of("euro straddling the limit", "a".repeat(152) + "\u20AC" + "a".repeat(7),
            "152+9"),
        Arguments.of("CRLF straddling the limit", "a".repeat(152) + "\r\n" + "a".repeat(10),
            "152+12"),
        Arguments.of("lone CR at the limit", "a".repeat(152) + "\r" + "a".repeat(10), "153+10"),
        Arguments.of("surrogate pair straddling", ZHE.repeat(66) + GRINNING + ZHE.repeat(3),
            "66+5"),
        Arguments.of("surrogate pair ending", ZHE.repeat(65) + GRINNING + ZHE.repeat(4), "67+4"),
        Arguments.of("flag straddling", ZHE.repeat(65) + FLAG_FR + ZHE.repeat(5), "65+9"),
        Arguments.of("two flags, split between them",
            ZHE.repeat(63) + FLAG_FR + FLAG_DE + ZHE, "67+5"),
        Arguments.of("ZWJ family straddling", ZHE.repeat(60) + FAMILY + ZHE.repeat(5), "60+13"),
        Arguments.of("skin tone straddling", ZHE.repeat(64) + THUMBS_UP_MEDIUM + ZHE.repeat(3),
            "64+7"),
        Arguments.of("variation selector straddling", ZHE.repeat(66) + RED_HEART + ZHE.repeat(3),
            "66+5"),
        Arguments.of("combining acute straddling",
            ZHE.repeat(66) + E_ACUTE_COMBINING + ZHE.repeat(3), "66+5"),
        Arguments.of("tag sequence straddling", ZHE.repeat(60) + FLAG_ENGLAND + ZHE, "60+15"),
        Arguments.of("keycap straddling", ZHE.repeat(65) + KEYCAP_ONE + ZHE.repeat(3), "65+6"),
        Arguments.of("Hangul jamo straddling", ZHE.repeat(65) + HANGUL_JAMO + ZHE.repeat(3),
            "65+6"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("textsAcrossABoundary")
  void split_unitThatMustStayWholeAtBoundary_movesToNextSegment(
      String name, String text, String units) {
    Segmentation result = SmsSegments.split(text);

    assertThat(joined(result.units())).isEqualTo(units);
    assertThat(texts(result)).isEqualTo(text);
  }

  @Test
  void split_crlfInShortText_isGsm7AtOneSeptetEach() {
    Segmentation result = SmsSegments.split("line1\r\nline2");

    assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(result.units()).containsExactly(12);
  }

  @Test
  void split_clusterLongerThanASegment_isCutBetweenCodePoints() {
    String text = "e" + "\u0301".repeat(100);

    Segmentation result = SmsSegments.split(text);

    assertThat(result.units()).containsExactly(67, 34);
    assertThat(texts(result)).isEqualTo(text);
  }

  @Test
  void split_clusterLongerThanASegmentWithAstralMarks_neverCutsASurrogatePair() {
    String combiningTremolo = "\uD834\uDD67"; // U+1D167, a non-spacing mark outside the BMP
    String text = "a" + combiningTremolo.repeat(40);

    Segmentation result = SmsSegments.split(text);

    assertThat(result.units()).containsExactly(67, 14);
    assertThat(result.segments().get(1).text()).startsWith(combiningTremolo);
  }

  @Test
  void split_clusterLongerThanASegmentAfterText_fillsTheCurrentSegmentFirst() {
    String text = ZHE.repeat(10) + "e" + "\u0301".repeat(100);

    Segmentation result = SmsSegments.split(text);

    assertThat(result.units()).containsExactly(67, 44);
    assertThat(texts(result)).isEqualTo(text);
  }

  @Test
  void split_emptyText_isOneEmptyGsm7Segment() {
    Segmentation result = SmsSegments.split("");

    assertThat(result.encoding()).isEqualTo(Encoding.GSM_7);
    assertThat(result.segments()).containsExactly(new Segment("", 0));
  }

  @Test
  void split_null_failsNamingTheArgument() {
    assertThatNullPointerException()
        .isThrownBy(() -> SmsSegments.split(null))
        .withMessage("text must not be null");
  }

  @Test
  void label_eachEncoding_isItsWireName() {
    assertThat(Encoding.GSM_7.label()).isEqualTo("GSM-7");
    assertThat(Encoding.UCS_2.label()).isEqualTo("UCS-2");
  }

  private static String joined(List<Integer> units) {
    return units.stream().map(String::valueOf).collect(Collectors.joining("+"));
  }

  private static String texts(Segmentation result) {
    return result.segments().stream().map(Segment::text).collect(Collectors.joining());
  }
}
