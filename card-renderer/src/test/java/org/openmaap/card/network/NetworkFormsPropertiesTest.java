package org.openmaap.card.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.GeoUri.Crs;
import org.w3c.dom.Element;

/** Random valid content survives every network form it can be written in. */
class NetworkFormsPropertiesTest {

  private static final double MAX_RADIUS = 20_037_509;

  /** RFC 5870's grammar for what format writes: coordinates, then crs, u and rcs-l in order. */
  private static final Pattern GEO_URI = Pattern.compile("geo:-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?"
      + "(,-?\\d+(\\.\\d+)?)?(;crs=gcj02)?(;u=\\d+(\\.\\d+)?)?"
      + "(;rcs-l=([A-Za-z0-9._~-]|%[0-9A-F]{2})+)?");

  private static final Pattern PLAIN_POS = Pattern.compile("-?\\d+(\\.\\d+)? -?\\d+(\\.\\d+)?");

  @Property(tries = 500)
  void ftHttp_anyValidDescriptor_readsBackEqual(@ForAll("descriptors") FtHttp descriptor) {
    String written = descriptor.write();

    assertThat(FtHttp.read(written)).isEqualTo(descriptor);
    assertThat(XmlAssertions.namespacesOfElements(XmlAssertions.wellFormed(written)))
        .containsOnly(FtHttp.NS);
  }

  @Property(tries = 500)
  void pushLocation_anyValidDocument_readsBackEqual(
      @ForAll("pushLocations") PushLocation document) {
    String written = document.write();

    assertThat(PushLocation.read(written)).isEqualTo(document);
    assertThat(XmlAssertions.namespacesOfElements(XmlAssertions.wellFormed(written)))
        .contains(PushLocation.NS, PushLocation.GP, PushLocation.GML)
        .isSubsetOf(PushLocation.NS, PushLocation.GP, PushLocation.GML, PushLocation.GS);
  }

  @Property(tries = 500)
  void pushLocation_anyDoubles_areWrittenWithoutExponentAndReadBackAsTheSameDoubles(
      @ForAll("latitudes") double latitude, @ForAll("longitudes") double longitude,
      @ForAll("radii") double radius) {
    PushLocation document = new PushLocation(new GeolocationPushMessage(
        latitude + " " + longitude, null, null, null, radius), "tel:+8613800000000");

    String written = document.write();

    Element root = XmlAssertions.wellFormed(written);
    String pos = root.getElementsByTagNameNS(PushLocation.GML, "pos").item(0).getTextContent();
    String radiusText =
        root.getElementsByTagNameNS(PushLocation.GS, "radius").item(0).getTextContent();
    assertThat(pos).matches(PLAIN_POS);
    assertThat(radiusText).matches("\\d+(\\.\\d+)?");
    GeolocationPushMessage back = PushLocation.read(written).location();
    assertThat(back.latitude() == latitude).as("latitude %s read back as %s", latitude,
        back.latitude()).isTrue();
    assertThat(back.longitude() == longitude).as("longitude %s read back as %s", longitude,
        back.longitude()).isTrue();
    assertThat(back.radius() == radius).as("radius %s read back as %s", radius, back.radius())
        .isTrue();
  }

  @Property
  void geoUri_anyValidUri_formatsPerRfc5870AndParsesBackEqual(@ForAll("geoUris") GeoUri geo) {
    String formatted = geo.format();

    assertThat(formatted).matches(GEO_URI);
    assertThat(GeoUri.parse(formatted)).isEqualTo(geo);
  }

  @Property
  void geoUri_anyDoubles_areFormattedWithoutExponentAndParseBackAsTheSameDoubles(
      @ForAll("latitudes") double latitude, @ForAll("longitudes") double longitude,
      @ForAll("radii") double radius, @ForAll("altitudes") double altitude) {
    GeoUri geo = new GeoUri(new GeolocationPushMessage(
        latitude + " " + longitude, null, null, null, radius), Crs.WGS84, altitude);

    String formatted = geo.format();

    assertThat(formatted).matches(GEO_URI);
    GeoUri back = GeoUri.parse(formatted);
    assertThat(back.location().latitude() == latitude).isTrue();
    assertThat(back.location().longitude() == longitude).isTrue();
    assertThat(back.location().radius() == radius).isTrue();
    assertThat(back.altitude() == altitude).isTrue();
  }

  // --- FT-HTTP ---------------------------------------------------------------------------------

  @Provide
  Arbitrary<FtHttp> descriptors() {
    Arbitrary<Tuple3<String, String, Long>> thumbnails = Combinators.combine(
        urls(), Arbitraries.of("image/jpeg", "image/png", "image/gif", "image/webp"), sizes())
        .as(Tuple::of);
    Arbitrary<FileMessage> files = Combinators.combine(urls(), xmlText(1, 255).injectNull(0.2),
            mimeTypes(), sizes(), thumbnails.injectNull(0.4))
        .as((url, name, type, size, thumbnail) -> new FileMessage(url, name, type, size,
            thumbnail == null ? null : thumbnail.get1(),
            thumbnail == null ? null : thumbnail.get2(),
            thumbnail == null ? null : thumbnail.get3()));
    return Combinators.combine(files, dateTimes(), dateTimes())
        .as((file, until, thumbnailUntil) ->
            new FtHttp(file, until, file.thumbnailUrl() == null ? null : thumbnailUntil));
  }

  private static Arbitrary<String> urls() {
    Arbitrary<String> segment = Arbitraries.strings().alpha().numeric().withChars("-._~")
        .ofMinLength(1).ofMaxLength(30);
    return Combinators.combine(
            Arbitraries.of("https://", "http://"),
            Arbitraries.of("files.example.com", "ft.operator.example:8443", "10.0.0.7"),
            segment.list().ofMinSize(1).ofMaxSize(4),
            segment.injectNull(0.5))
        .as((scheme, host, path, query) -> scheme + host + "/" + String.join("/", path)
            + (query == null ? "" : "?id=" + query + "&v='1'"));
  }

  private static Arbitrary<String> mimeTypes() {
    return Arbitraries.of("application/pdf", "image/jpeg", "text/plain", "video/mp4",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  }

  private static Arbitrary<Long> sizes() {
    return Arbitraries.longs().between(1, 100L * 1024 * 1024);
  }

  // --- push location ---------------------------------------------------------------------------

  @Provide
  Arbitrary<PushLocation> pushLocations() {
    Arbitrary<GeolocationPushMessage> locations = Combinators.combine(
            canonicalPositions(), xmlText(1, 100).injectNull(0.3), dateTimes().injectNull(0.3),
            dateTimes().injectNull(0.3), canonicalRadii().injectNull(0.3))
        .as(GeolocationPushMessage::new);
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(3).ofMaxLength(15);
    Arbitrary<String> entities = Arbitraries.oneOf(
        digits.map(d -> "tel:+" + d), digits.map(d -> "sip:+" + d + "@ims.example.com"));
    return Combinators.combine(locations, entities).as(PushLocation::new);
  }

  /** Positions as reading gives them: plain decimals keeping their written precision. */
  private static Arbitrary<String> canonicalPositions() {
    return Combinators.combine(decimals(90), decimals(180)).as((lat, lon) -> lat + " " + lon);
  }

  private static Arbitrary<String> decimals(int bound) {
    return Arbitraries.integers().between(0, 9).flatMap(scale -> Arbitraries.bigDecimals()
        .between(BigDecimal.valueOf(-bound), BigDecimal.valueOf(bound)).ofScale(scale))
        .map(BigDecimal::toPlainString);
  }

  private static Arbitrary<Double> canonicalRadii() {
    return Arbitraries.integers().between(0, 3).flatMap(scale -> Arbitraries.bigDecimals()
        .between(BigDecimal.ZERO, BigDecimal.valueOf(MAX_RADIUS)).ofScale(scale))
        .map(BigDecimal::doubleValue);
  }

  // --- geo URI ---------------------------------------------------------------------------------

  @Provide
  Arbitrary<GeoUri> geoUris() {
    Arbitrary<GeolocationPushMessage> locations = Combinators.combine(
            canonicalPositions(), anyText(1, 100).injectNull(0.3), canonicalRadii().injectNull(0.3))
        .as((pos, label, radius) -> new GeolocationPushMessage(pos, label, null, null, radius));
    return Combinators.combine(locations, Arbitraries.of(Crs.class), altitudes().injectNull(0.5))
        .as(GeoUri::new);
  }

  // --- numbers and text ------------------------------------------------------------------------

  /** Latitudes whose Double.toString often has an exponent: tiny, subnormal and ordinary ones. */
  @Provide
  Arbitrary<Double> latitudes() {
    return Arbitraries.oneOf(
        anyDouble().filter(d -> Math.abs(d) <= 90),
        Arbitraries.doubles().between(-90, 90).ofScale(15),
        Arbitraries.of(1e-7, -1e-7, Double.MIN_VALUE, -Double.MIN_NORMAL, 90.0, -90.0,
            Math.nextDown(90.0), 12.345678901234567));
  }

  @Provide
  Arbitrary<Double> longitudes() {
    return Arbitraries.oneOf(
        anyDouble().filter(d -> Math.abs(d) <= 180),
        Arbitraries.doubles().between(-180, 180).ofScale(15),
        Arbitraries.of(1e-7, -1e-7, Double.MIN_VALUE, 180.0, -180.0, Math.nextUp(-180.0)));
  }

  @Provide
  Arbitrary<Double> radii() {
    return Arbitraries.oneOf(
        anyDouble().filter(d -> d >= 0 && d <= MAX_RADIUS),
        Arbitraries.doubles().between(0, MAX_RADIUS).ofScale(9),
        Arbitraries.of(0.0, Double.MIN_VALUE, 1e-300, 1.5e-7, MAX_RADIUS));
  }

  /** Any finite altitude but -0, which RFC 5870 makes the same as 0 and format writes as 0. */
  @Provide
  Arbitrary<Double> altitudes() {
    return Arbitraries.oneOf(
            anyDouble(),
            Arbitraries.doubles().between(-11_000, 9_000).ofScale(6),
            Arbitraries.of(Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, 1e21, 1e-7))
        .filter(d -> Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(-0.0));
  }

  /** Finite doubles from random bits: every exponent equally likely, so most print with one. */
  private static Arbitrary<Double> anyDouble() {
    return Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
  }

  private static Arbitrary<String> dateTimes() {
    long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
    return Combinators.combine(
            Arbitraries.longs().between(from, to),
            Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999)
                .map(ms -> ms * 1_000_000), Arbitraries.integers().between(0, 999_999_999)),
            Arbitraries.integers().between(-12 * 4, 14 * 4))
        .as((seconds, nanos, quarters) -> OffsetDateTime.ofInstant(
                Instant.ofEpochSecond(seconds, nanos), ZoneOffset.ofTotalSeconds(quarters * 900))
            .toString());
  }

  /** Text XML 1.0 can carry, rich in markup, whitespace a parser would normalize, and emoji. */
  private static Arbitrary<String> xmlText(int min, int max) {
    return codePoints(Arbitraries.of("\t", "\n", "\r", " ", "<", ">", "&", "\"", "'", "]",
        "\u00a0", "\u2028", "\ufffd", "\ue000"))
        .list().ofMinSize(min).ofMaxSize(max).map(NetworkFormsPropertiesTest::join);
  }

  /** Any text without lone surrogates, control characters included, for geo URI labels. */
  private static Arbitrary<String> anyText(int min, int max) {
    return codePoints(Arbitraries.of("%", ";", "=", ",", "+", "&", "~", " ", "#", "?", "/",
        "\u0000", "\u0001", "\u007f", "\uffff"))
        .list().ofMinSize(min).ofMaxSize(max).map(NetworkFormsPropertiesTest::join);
  }

  private static Arbitrary<String> codePoints(Arbitrary<String> special) {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
        Tuple.of(3, special),
        Tuple.of(1, Arbitraries.chars().range('\u00c0', '\u024f').map(String::valueOf)),
        Tuple.of(1, Arbitraries.chars().range('\u4e00', '\u9fff').map(String::valueOf)),
        Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString)),
        Tuple.of(1, Arbitraries.of(Character.toString(0x10FFFF), Character.toString(0x20000))));
  }

  private static String join(List<String> codePoints) {
    return codePoints.stream().collect(Collectors.joining());
  }
}
