package org.openmaap.card.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Violation;
import org.w3c.dom.Element;

class PushLocationTest {

  private static final String EXAMPLE = Fixtures.text("network/pushlocation.xml");
  private static final String ENTITY = "tel:+8613800000000";

  @Test
  void read_example_givesTheLocationAndTheSender() {
    PushLocation document = PushLocation.read(Fixtures.bytes("network/pushlocation.xml"));

    assertThat(document.location()).isEqualTo(new GeolocationPushMessage("31.2304 121.4737",
        "Pick-up point", "2026-11-30T12:00:00Z", "2026-12-01T12:00:00Z", 10.0));
    assertThat(document.entity()).isEqualTo(ENTITY);
  }

  @Test
  void write_example_readsBackAsTheSameModelInTheRightNamespaces() {
    PushLocation document = PushLocation.read(EXAMPLE);

    String written = document.write();

    assertThat(PushLocation.read(written)).isEqualTo(document);
    Element root = XmlAssertions.wellFormed(written);
    assertThat(root.getNamespaceURI()).isEqualTo(PushLocation.NS);
    assertThat(XmlAssertions.namespacesOfElements(root)).containsExactlyInAnyOrder(
        PushLocation.NS, PushLocation.GP, PushLocation.GS, PushLocation.GML);
  }

  @Test
  void write_example_isACircleWithRetentionExpiryAndTimestamp() {
    PushLocation document = PushLocation.read(EXAMPLE);

    String written = document.write();

    assertThat(written).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <rcsenvelope xmlns="urn:gsma:params:xml:ns:rcs:rcs:geolocation" \
        xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" xmlns:gml="http://www.opengis.net/gml" \
        xmlns:gs="http://www.opengis.net/pidflo/1.0" entity="tel:+8613800000000">
          <rcspushlocation id="loc" label="Pick-up point">
            <gp:geopriv>
              <gp:location-info>
                <gs:Circle srsName="urn:ogc:def:crs:EPSG::4326">
                  <gml:pos>31.2304 121.4737</gml:pos>
                  <gs:radius uom="urn:ogc:def:uom:EPSG::9001">10</gs:radius>
                </gs:Circle>
              </gp:location-info>
              <gp:usage-rules>
                <gp:retention-expiry>2026-12-01T12:00:00Z</gp:retention-expiry>
              </gp:usage-rules>
            </gp:geopriv>
            <timestamp>2026-11-30T12:00:00Z</timestamp>
          </rcspushlocation>
        </rcsenvelope>
        """);
  }

  @Test
  void write_locationWithoutRadius_isAPointAndReadsBack() {
    PushLocation document = new PushLocation(
        new GeolocationPushMessage("-33.8568 151.2153", null, null, null, null), ENTITY);

    String written = document.write();

    assertThat(written).contains("<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4326\">")
        .contains("<gml:pos>-33.8568 151.2153</gml:pos>")
        .contains("<gp:usage-rules/>")
        .doesNotContain("label=").doesNotContain("timestamp").doesNotContain("radius");
    assertThat(PushLocation.read(written)).isEqualTo(document);
  }

  @Test
  void write_zeroRadius_staysACircle() {
    PushLocation document = new PushLocation(
        new GeolocationPushMessage("1 2", null, null, null, 0.0), ENTITY);

    String written = document.write();

    assertThat(written).contains("<gs:radius uom=\"urn:ogc:def:uom:EPSG::9001\">0</gs:radius>");
    assertThat(PushLocation.read(written)).isEqualTo(document);
  }

  @Test
  void write_coordinatesInExponentForm_writesPlainDecimals() {
    PushLocation document = new PushLocation(
        new GeolocationPushMessage("1.0E-4 -1.2E2", null, null, null, 1.5E-7), ENTITY);

    String written = document.write();

    assertThat(written).contains("<gml:pos>0.00010 -120</gml:pos>")
        .contains(">0.00000015</gs:radius>");
    GeolocationPushMessage back = PushLocation.read(written).location();
    assertThat(back.latitude()).isEqualTo(1.0E-4);
    assertThat(back.longitude()).isEqualTo(-120.0);
    assertThat(back.radius()).isEqualTo(1.5E-7);
  }

  @Test
  void read_posInExponentFormWithExtraSpaces_isReadAsPlainDecimals() {
    String xml = EXAMPLE.replace("<gml:pos>31.2304 121.4737</gml:pos>",
        "<gml:pos>\n  3.12304E1\t +121.4737 </gml:pos>");

    PushLocation document = PushLocation.read(xml);

    assertThat(document.location().pos()).isEqualTo("31.2304 121.4737");
  }

  @Test
  void write_labelWithQuotesTabsAndLineEnds_readsBackExactly() {
    String label = "\"A\" & <B>\tC\r\nD ";
    PushLocation document = new PushLocation(
        new GeolocationPushMessage("1 2", label, null, null, null), ENTITY);

    String written = document.write();

    assertThat(written).contains("label=\"&quot;A&quot; &amp; &lt;B&gt;&#9;C&#13;&#10;D \"");
    assertThat(PushLocation.read(written).location().label()).isEqualTo(label);
  }

  @Test
  void read_civicAddressBesideTheCircleAndUnknownElements_areIgnored() {
    String xml = EXAMPLE.replace("<gp:location-info>",
            "<gp:location-info><ca:civicAddress xmlns:ca=\"urn:ietf:params:xml:ns:pidf:geopriv10"
                + ":civicAddr\"><ca:country>CN</ca:country></ca:civicAddress>")
        .replace("<timestamp>", "<note>x</note><timestamp>");

    PushLocation document = PushLocation.read(xml);

    assertThat(document).isEqualTo(PushLocation.read(EXAMPLE));
  }

  @Test
  void read_withoutOptionalParts_hasNullMembers() {
    String xml = """
        <rcsenvelope xmlns="urn:gsma:params:xml:ns:rcs:rcs:geolocation"
            xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" xmlns:gml="http://www.opengis.net/gml"
            entity="sip:+8613800000000@example.com">
          <rcspushlocation id="x">
            <gp:geopriv><gp:location-info><gml:Point>
              <gml:pos>0 0</gml:pos>
            </gml:Point></gp:location-info></gp:geopriv>
          </rcspushlocation>
        </rcsenvelope>""";

    PushLocation document = PushLocation.read(xml);

    assertThat(document).isEqualTo(new PushLocation(
        new GeolocationPushMessage("0 0", null, null, null, null),
        "sip:+8613800000000@example.com"));
  }

  @Test
  void read_shapesTheModelCannotHold_refused() {
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("gs:Circle", "gs:Ellipse")))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("gp:location-info has gs:Ellipse; only gml:Point and gs:Circle are understood");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("</gs:Circle>",
            "</gs:Circle><gml:Point><gml:pos>1 2</gml:pos></gml:Point>")))
        .hasMessage("gp:location-info has more than one shape; expected one gml:Point or "
            + "gs:Circle");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replaceAll(
            "(?s)<gs:Circle.*</gs:Circle>", "")))
        .hasMessage("gp:location-info has no gml:Point or gs:Circle");
  }

  @Test
  void read_otherDatumOrUnit_refused() {
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("EPSG::4326", "EPSG::4979")))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("gs:Circle has srsName 'urn:ogc:def:crs:EPSG::4979'; only "
            + "urn:ogc:def:crs:EPSG::4326 (WGS 84, latitude then longitude) is understood");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("EPSG::9001", "EPSG::9002")))
        .hasMessage("gs:radius has uom 'urn:ogc:def:uom:EPSG::9002'; only metres "
            + "(urn:ogc:def:uom:EPSG::9001) are understood");
  }

  @Test
  void read_posThatIsNotTwoNumbers_refused() {
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace(
            "31.2304 121.4737", "31.2304 121.4737 12")))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("gml:pos must be two numbers, latitude then longitude, such as "
            + "\"31.2304 121.4737\"; got '31.2304 121.4737 12'");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("31.2304 121.4737", "NaN INF")))
        .hasMessageStartingWith("gml:pos must be two numbers");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace(">10<", ">ten<")))
        .hasMessage("gs:radius must be a number of metres; got 'ten'");
  }

  @Test
  void read_valuesTheValidatorRefuses_refusedWithItsViolations() {
    String xml = EXAMPLE.replace("31.2304 121.4737", "91 121.4737")
        .replace("<timestamp>2026-11-30T12:00:00Z", "<timestamp>yesterday")
        .replace("label=\"Pick-up point\"", "label=\"\"")
        .replace(">10</gs:radius>", ">-1</gs:radius>");

    assertThatThrownBy(() -> PushLocation.read(xml))
        .isInstanceOfSatisfying(NetworkFormatException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path, Violation::code)
              .containsExactlyInAnyOrder(
                  tuple("/pos", Code.OUT_OF_RANGE),
                  tuple("/label", Code.TOO_SHORT),
                  tuple("/timestamp", Code.BAD_DATETIME),
                  tuple("/radius", Code.OUT_OF_RANGE));
          assertThat(e.getMessage()).contains("gml:pos: pos must have latitude between -90 and 90")
              .contains("rcspushlocation label: label is empty")
              .contains("timestamp: timestamp must be an ISO-8601 date-time")
              .contains("gs:radius: radius must be between 0 and");
        });
  }

  @Test
  void read_missingOrBadEntity_refused() {
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace(
            "entity=\"tel:+8613800000000\"", "")))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("rcsenvelope has no entity: the document must name its sender, such as "
            + "tel:+8613800000000");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace(
            "tel:+8613800000000", "+86 138")))
        .hasMessage("rcsenvelope entity must be a URI such as tel:+8613800000000; got '+86 138'");
  }

  @Test
  void read_missingStructure_refusedNamingWhatIsMissing() {
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("<gml:pos>31.2304 121.4737"
            + "</gml:pos>", "")))
        .hasMessage("gs:Circle has no gml:pos");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replaceAll(
            "(?s)<gs:radius.*</gs:radius>", "")))
        .hasMessage("gs:Circle has no gs:radius");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("gp:geopriv>", "gp:other>")))
        .hasMessage("rcspushlocation has no gp:geopriv");
    assertThatThrownBy(() -> PushLocation.read(EXAMPLE.replace("rcspushlocation", "pushlocation")))
        .hasMessage("rcsenvelope has no rcspushlocation");
    assertThatThrownBy(() -> PushLocation.read(Fixtures.text("network/ft-http.xml")))
        .hasMessageStartingWith("not a geolocation push document: the root element is file");
  }

  @Test
  void write_withoutEntityOrLocation_refused() {
    GeolocationPushMessage location = PushLocation.read(EXAMPLE).location();

    assertThatThrownBy(() -> new PushLocation(location, null).write())
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("rcsenvelope has no entity");
    assertThatThrownBy(() -> new PushLocation(null, ENTITY).write())
        .hasMessage("a geolocation push document needs a location");
  }

  @Test
  void write_locationTheValidatorRefuses_refusedWithItsViolations() {
    PushLocation document = new PushLocation(
        new GeolocationPushMessage("31.2304", "x".repeat(101), null, "soon", null), ENTITY);

    assertThatThrownBy(document::write)
        .isInstanceOfSatisfying(NetworkFormatException.class, e ->
            assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .containsExactlyInAnyOrder(
                    tuple("/pos", Code.BAD_VALUE),
                    tuple("/label", Code.TOO_LONG),
                    tuple("/expiry", Code.BAD_DATETIME)));
  }
}
