package org.openmaap.card.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.GeoUri.Crs;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Violation;

class GeoUriTest {

  /** The URI column of every line of geo-uris.txt that is not a comment; none says "refused". */
  static Stream<String> fixtureUris() {
    return Fixtures.text("network/geo-uris.txt").lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("\t", 2)[0]);
  }

  @Test
  void fixtureUris_geoUrisTxt_areFourAndNoneIsMarkedToBeRefused() {
    String file = Fixtures.text("network/geo-uris.txt");

    List<String> uris = fixtureUris().toList();

    assertThat(uris).hasSize(4);
    assertThat(file.toLowerCase(Locale.ROOT)).doesNotContain("refuse").doesNotContain("invalid")
        .doesNotContain("reject");
  }

  @ParameterizedTest
  @MethodSource("fixtureUris")
  void format_everyFixtureLine_givesBackTheSameUri(String uri) {
    GeoUri geo = GeoUri.parse(uri);

    String formatted = geo.format();

    assertThat(formatted).isEqualTo(uri);
    assertThat(GeoUri.parse(formatted)).isEqualTo(geo);
  }

  @Test
  void parse_plainCoordinates_isWgs84WithoutRadiusOrLabel() {
    GeoUri geo = GeoUri.parse("geo:31.2304,121.4737");

    assertThat(geo).isEqualTo(new GeoUri(
        new GeolocationPushMessage("31.2304 121.4737", null, null, null, null), Crs.WGS84, null));
  }

  @Test
  void parse_uncertainty_isTheRadiusInMetres() {
    GeoUri geo = GeoUri.parse("geo:31.2304,121.4737;u=10");

    assertThat(geo.location().radius()).isEqualTo(10.0);
  }

  @Test
  void parse_gcj02WithLabel_keepsTheDatumAndDecodesTheLabel() {
    GeoUri geo = GeoUri.parse("geo:39.9087,116.3975;crs=gcj02;u=10;rcs-l=Tian%27anmen%20Square");

    assertThat(geo).isEqualTo(new GeoUri(
        new GeolocationPushMessage("39.9087 116.3975", "Tian'anmen Square", null, null, 10.0),
        Crs.GCJ02, null));
  }

  @Test
  void parse_southernEasternHemisphereWithEmoji_decodesUtf8() {
    GeoUri geo = GeoUri.parse(
        "geo:-33.8568,151.2153;rcs-l=Sydney%20Opera%20House%20%F0%9F%8E%AD");

    assertThat(geo.location().latitude()).isEqualTo(-33.8568);
    assertThat(geo.location().longitude()).isEqualTo(151.2153);
    assertThat(geo.location().label()).isEqualTo("Sydney Opera House \uD83C\uDFAD");
  }

  @Test
  void parse_altitude_isKeptAndFormattedBack() {
    GeoUri geo = GeoUri.parse("geo:48.2010,16.3695,183.50");

    assertThat(geo.altitude()).isEqualTo(183.5);
    assertThat(geo.format()).isEqualTo("geo:48.2010,16.3695,183.5");
  }

  @Test
  void parse_upperCaseSchemeNamesAndExplicitWgs84_isTheSameAsTheDefault() {
    GeoUri geo = GeoUri.parse(" GEO:31.2304,121.4737;CRS=WGS84;U=10;Rcs-L=a%2fb ");

    assertThat(geo).isEqualTo(GeoUri.parse("geo:31.2304,121.4737;u=10;rcs-l=a%2Fb"));
    assertThat(geo.format()).isEqualTo("geo:31.2304,121.4737;u=10;rcs-l=a%2Fb");
  }

  @Test
  void parse_parametersInAnyOrderAndUnknownOnes_areAccepted() {
    GeoUri geo = GeoUri.parse("geo:1,2;rcs-l=x;foo=bar;flag;u=3;crs=gcj02");

    assertThat(geo.format()).isEqualTo("geo:1,2;crs=gcj02;u=3;rcs-l=x");
  }

  @Test
  void parse_leadingZeros_areReadAsTheSameNumber() {
    GeoUri geo = GeoUri.parse("geo:031.20,-000.5;u=010");

    assertThat(geo.location().pos()).isEqualTo("31.20 -0.5");
    assertThat(geo.format()).isEqualTo("geo:31.20,-0.5;u=10");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      mailto:a@example.com | not a geo URI: 'mailto:a@example.com' does not start with geo:
      geo:31.2304 | a geo URI gives latitude,longitude[,altitude]; got '31.2304'
      geo:1,2,3,4 | a geo URI gives latitude,longitude[,altitude]; got '1,2,3,4'
      geo:3.1E1,121 | geo URI coordinate '3.1E1' is not a decimal number such as 31.2304 or -33.8568
      geo:+31,121 | geo URI coordinate '+31' is not a decimal number such as 31.2304 or -33.8568
      geo:1,2;u=10;u=20 | the geo URI has two u parameters
      geo:1,2;u=-1 | geo URI u must be a number of metres such as 10; got '-1'
      geo:1,2;u | geo URI parameter u needs a value
      geo:1,2;rcs-l= | geo URI parameter rcs-l has an empty value
      `geo:1,2;rcs-l=Opera House` | geo URI parameter rcs-l has a character that must be percent-encoded: 'Opera House'
      geo:1,2;a_b=1 | geo URI parameter name 'a_b' is not letters, digits and hyphens
      geo:1,2;rcs-l=%FF%FE | geo URI rcs-l is not percent-encoded UTF-8: '%FF%FE'
      geo:1,2;crs=nad27 | geo URI crs 'nad27' is not understood; expected wgs84 or gcj02
      """)
  void parse_malformedUri_refusedNamingTheProblem(String uri, String message) {
    assertThatThrownBy(() -> GeoUri.parse(uri))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage(message);
  }

  @Test
  void parse_altitudeBeyondADouble_refused() {
    String uri = "geo:1,2,1" + "0".repeat(400);

    assertThatThrownBy(() -> GeoUri.parse(uri))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("geo URI altitude '1000")
        .hasMessageEndingWith("...' is out of range");
  }

  @Test
  void parse_uriOverTheLengthLimit_refused() {
    String uri = "geo:1,2;rcs-l=" + "a".repeat(5000);

    assertThatThrownBy(() -> GeoUri.parse(uri))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("the geo URI has 5014 characters; the limit is 4096");
  }

  @Test
  void parse_valuesTheValidatorRefuses_refusedWithItsViolations() {
    String uri = "geo:90.5,-181;u=30000000;rcs-l=" + "a".repeat(101);

    assertThatThrownBy(() -> GeoUri.parse(uri))
        .isInstanceOfSatisfying(NetworkFormatException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path, Violation::code)
              .containsExactlyInAnyOrder(
                  tuple("/pos", Code.OUT_OF_RANGE),
                  tuple("/label", Code.TOO_LONG),
                  tuple("/radius", Code.OUT_OF_RANGE));
          assertThat(e.getMessage())
              .contains("geo URI coordinates: pos must have latitude between -90 and 90")
              .contains("geo URI rcs-l: label has 101 characters; the limit is 100")
              .contains("geo URI u: radius must be between 0 and 20037509");
        });
  }

  @Test
  void format_locationWithTimestampAndExpiry_leavesThemOut() {
    GeoUri geo = GeoUri.of(new GeolocationPushMessage("31.2304 121.4737", "Pick-up point",
        "2026-11-30T12:00:00Z", "2026-12-01T12:00:00Z", 10.0));

    assertThat(geo.format()).isEqualTo("geo:31.2304,121.4737;u=10;rcs-l=Pick-up%20point");
  }

  @Test
  void format_labelWithReservedCharacters_percentEncodesAllButUnreserved() {
    GeoUri geo = GeoUri.of(new GeolocationPushMessage("1 2", "a;b=c,d%e&f+g~h_i.j-k é",
        null, null, null));

    String formatted = geo.format();

    assertThat(formatted).isEqualTo(
        "geo:1,2;rcs-l=a%3Bb%3Dc%2Cd%25e%26f%2Bg~h_i.j-k%20%C3%A9");
    assertThat(GeoUri.parse(formatted)).isEqualTo(geo);
  }

  @Test
  void format_coordinatesInExponentForm_writesPlainDecimals() {
    GeoUri geo = new GeoUri(
        new GeolocationPushMessage("1.0E-4 -1.2E2", null, null, null, 2.5E-5), Crs.WGS84, 1e21);

    assertThat(geo.format()).isEqualTo("geo:0.00010,-120,1000000000000000000000;u=0.000025");
  }

  @Test
  void format_altitudeThatIsNotFinite_refused() {
    GeoUri geo = new GeoUri(
        new GeolocationPushMessage("1 2", null, null, null, null), Crs.WGS84, Double.NaN);

    assertThatThrownBy(geo::format)
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("geo URI altitude must be a finite number of metres; got NaN");
  }

  @Test
  void format_labelWithALoneSurrogate_refused() {
    GeoUri geo = GeoUri.of(new GeolocationPushMessage("1 2", "a\uD83C", null, null, null));

    assertThatThrownBy(geo::format)
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("the label cannot be written as UTF-8: it has a lone surrogate");
  }

  @Test
  void constructor_withoutLocationOrDatum_refused() {
    GeolocationPushMessage location = new GeolocationPushMessage("1 2", null, null, null, null);

    assertThatThrownBy(() -> new GeoUri(null, Crs.WGS84, null))
        .isInstanceOf(NullPointerException.class).hasMessage("location must not be null");
    assertThatThrownBy(() -> new GeoUri(location, null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("crs must not be null; Crs.WGS84 is the default datum");
  }
}
