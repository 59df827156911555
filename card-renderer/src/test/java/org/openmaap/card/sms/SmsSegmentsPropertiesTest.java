package org.openmaap.card.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

class SmsSegmentsPropertiesTest {
  // jqwik favours short lists; uniform sizes make most texts run over one segment.
  private static final RandomDistribution UNIFORM = RandomDistribution.uniform();
  private static final String FLAG_ENGLAND =
      "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F";

  @Property
  void split_anyText_segmentsConcatenateToInput(@ForAll("anyText") String text) {
    Segmentation result = SmsSegments.split(text);

    assertThat(result.segments().stream().map(Segment::text).collect(Collectors.joining()))
        .isEqualTo(text);
  }

  @Property
  void split_anyText_encodingIsGsm7IffEveryCharacterIsGsm(@ForAll("anyText") String text) {
    Segmentation result = SmsSegments.split(text);

    assertThat(result.encoding() == Encoding.GSM_7).isEqualTo(GsmAlphabet.isGsm(text));
  }

  @Property
  void split_anyText_noSegmentExceedsItsLimit(@ForAll("anyText") String text) {
    Segmentation result = SmsSegments.split(text);

    int limit = limit(result.encoding(), result.count());
    for (Segment segment : result.segments()) {
      assertThat(segment.units()).isEqualTo(GsmAlphabet.units(result.encoding(), segment.text()));
      assertThat(segment.units()).isLessThanOrEqualTo(limit);
    }
  }

  @Property
  void split_anyText_singleSegmentIffTotalFits(@ForAll("anyText") String text) {
    Encoding encoding = GsmAlphabet.isGsm(text) ? Encoding.GSM_7 : Encoding.UCS_2;
    int total = GsmAlphabet.units(encoding, text);

    Segmentation result = SmsSegments.split(text);

    assertThat(result.count() == 1).isEqualTo(total <= (encoding == Encoding.GSM_7 ? 160 : 70));
  }

  @Property
  void split_anyText_neverSeparatesASurrogatePair(@ForAll("anyText") String text) {
    Segmentation result = SmsSegments.split(text);

    for (Segment segment : result.segments().subList(0, result.count() - 1)) {
      assertThat(segment.text()).isNotEmpty();
      assertThat(Character.isHighSurrogate(segment.text().charAt(segment.text().length() - 1)))
          .isFalse();
    }
  }

  @Property
  void split_wellFormedClusters_cutsOnlyBetweenClusters(
      @ForAll("wellFormedClusters") List<String> clusters) {
    String text = concat(clusters);
    Set<Integer> clusterBoundaries = new HashSet<>(Set.of(0));
    int offset = 0;
    for (String cluster : clusters) {
      offset += cluster.length();
      clusterBoundaries.add(offset);
    }

    Segmentation result = SmsSegments.split(text);

    int cut = 0;
    for (Segment segment : result.segments()) {
      cut += segment.text().length();
      assertThat(clusterBoundaries).as("cut at %d of %s", cut, clusters).contains(cut);
    }
  }

  @Provide
  Arbitrary<String> anyText() {
    Arbitrary<String> gsmOnly = joined(
        Arbitraries.oneOf(gsmBasic(), gsmExtension(), Arbitraries.of("\r\n")));
    Arbitrary<String> mixed = joined(Arbitraries.frequencyOf(
        Tuple.of(20, gsmBasic()),
        Tuple.of(4, gsmExtension()),
        Tuple.of(6, codePoints(0x00A0, 0xD7FF)),
        Tuple.of(4, codePoints(0xE000, 0xFFFD)),
        Tuple.of(4, codePoints(0x10000, 0x10FFFF)),
        Tuple.of(3, codePoints(0x0300, 0x036F)),
        Tuple.of(2, Arbitraries.of("\u200D", "\uFE0F", "\r", "\n")),
        Tuple.of(2, codePoints(0x1F3FB, 0x1F3FF)),
        Tuple.of(2, codePoints(0x1F1E6, 0x1F1FF)),
        Tuple.of(1, codePoints(0xE0020, 0xE007F))));
    return Arbitraries.oneOf(gsmOnly, mixed);
  }

  @Provide
  Arbitrary<List<String>> wellFormedClusters() {
    // A lone CR is left out: it would join a following LF into one cluster.
    Arbitrary<String> gsmCluster = Arbitraries.oneOf(
        gsmBasic().filter(c -> !c.equals("\r")), gsmExtension(), Arbitraries.of("\r\n"));
    Arbitrary<String> anyCluster = Arbitraries.frequencyOf(
        Tuple.of(10, gsmCluster),
        Tuple.of(5, codePoints(0x0410, 0x044F)),
        Tuple.of(3, codePoints(0x4E00, 0x9FFF)),
        Tuple.of(3, codePoints(0x1F600, 0x1F64F)),
        Tuple.of(2, Arbitraries.of(
            "e\u0301", "a\u0301\u0323", "\uD83D\uDC4D\uD83C\uDFFD", "\u2764\uFE0F",
            "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "1\uFE0F\u20E3",
            "\u1100\u1161\u11A8", FLAG_ENGLAND)),
        Tuple.of(2, flags()),
        Tuple.of(1, codePoints(0xAC00, 0xD7A3)));
    return Arbitraries.oneOf(
        gsmCluster.list().ofMaxSize(400).withSizeDistribution(UNIFORM),
        anyCluster.list().ofMaxSize(300).withSizeDistribution(UNIFORM));
  }

  private static Arbitrary<String> joined(Arbitrary<String> parts) {
    return parts.list().ofMaxSize(400).withSizeDistribution(UNIFORM)
        .map(SmsSegmentsPropertiesTest::concat);
  }

  private static String concat(List<String> parts) {
    return String.join("", parts);
  }

  private static Arbitrary<String> gsmBasic() {
    return Arbitraries.of(chars(GsmAlphabet.BASIC));
  }

  private static Arbitrary<String> gsmExtension() {
    return Arbitraries.of(chars(GsmAlphabet.EXTENSION));
  }

  private static Arbitrary<String> flags() {
    return codePoints(0x1F1E6, 0x1F1FF).list().ofSize(2).map(SmsSegmentsPropertiesTest::concat);
  }

  private static Arbitrary<String> codePoints(int from, int to) {
    return Arbitraries.integers().between(from, to).map(Character::toString);
  }

  private static List<String> chars(String alphabet) {
    return alphabet.chars().mapToObj(c -> String.valueOf((char) c)).toList();
  }

  private static int limit(Encoding encoding, int segments) {
    if (encoding == Encoding.GSM_7) {
      return segments == 1 ? 160 : 153;
    }
    return segments == 1 ? 70 : 67;
  }
}
