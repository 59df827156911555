package org.openmaap.card.network;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.openmaap.card.model.GeolocationPushMessage;
import org.w3c.dom.Element;

/**
 * A geolocation push document (GSMA rcsenvelope with a PIDF-LO geopriv): the location it carries
 * and the sender it names ({@code entity}, a URI such as {@code tel:+8613800000000}).
 */
public record PushLocation(GeolocationPushMessage location, String entity) {

  /** The content type of a geolocation push document. */
  public static final String CONTENT_TYPE = "application/vnd.gsma.rcspushlocation+xml";

  static final String NS = "urn:gsma:params:xml:ns:rcs:rcs:geolocation";
  static final String GP = "urn:ietf:params:xml:ns:pidf:geopriv10";
  static final String GML = "http://www.opengis.net/gml";
  static final String GS = "http://www.opengis.net/pidflo/1.0";

  /** WGS 84 in two dimensions, latitude then longitude: the only reference system of the form. */
  static final String WGS84 = "urn:ogc:def:crs:EPSG::4326";
  static final String METRE = "urn:ogc:def:uom:EPSG::9001";

  /** The document holds one location, so any id is unique; the model keeps none to give back. */
  private static final String ID = "loc";

  private static final Map<String, String> PLACES = Map.of(
      "pos", "gml:pos",
      "label", "rcspushlocation label",
      "timestamp", "timestamp",
      "expiry", "gp:retention-expiry",
      "radius", "gs:radius");

  /** Reads a document from bytes (at most 64 KiB), refusing DOCTYPEs and invalid content. */
  public static PushLocation read(byte[] xml) {
    return read(Xml.parse(xml));
  }

  /** Reads a document from text (at most 64 Ki characters), as {@link #read(byte[])} does. */
  public static PushLocation read(String xml) {
    return read(Xml.parse(xml));
  }

  /** The document as XML: a gml:Point, or a gs:Circle when the location has a radius. */
  public String write() {
    check();
    String[] position = location.pos().trim().split("\\s+"); // as the validator splits it
    String pos = Decimals.plain(position[0]) + " " + Decimals.plain(position[1]);
    XmlWriter xml = new XmlWriter()
        .open("rcsenvelope", "xmlns", NS, "xmlns:gp", GP, "xmlns:gml", GML, "xmlns:gs", GS,
            "entity", entity)
        .open("rcspushlocation", "id", ID, "label", location.label())
        .open("gp:geopriv")
        .open("gp:location-info");
    if (location.radius() == null) {
      xml.open("gml:Point", "srsName", WGS84)
          .leaf("gml:pos", pos)
          .close();
    } else {
      xml.open("gs:Circle", "srsName", WGS84)
          .leaf("gml:pos", pos)
          .leaf("gs:radius", Decimals.plain(location.radius()), "uom", METRE)
          .close();
    }
    xml.close();
    if (location.expiry() == null) {
      xml.empty("gp:usage-rules");
    } else {
      xml.open("gp:usage-rules")
          .leaf("gp:retention-expiry", location.expiry())
          .close();
    }
    return xml.close()
        .leaf("timestamp", location.timestamp())
        .close()
        .close()
        .toString();
  }

  private static PushLocation read(Element root) {
    Xml.expectRoot(root, NS, "rcsenvelope", "a geolocation push document");
    String entity = Xml.attribute(root, "entity");
    Element push = Xml.required(root, NS, "rcspushlocation", "rcspushlocation", "rcsenvelope");
    Element geopriv = Xml.required(push, GP, "geopriv", "gp:geopriv", "rcspushlocation");
    Element info = Xml.required(geopriv, GP, "location-info", "gp:location-info", "gp:geopriv");
    Element shape = shape(info);
    boolean circle = Xml.is(shape, GS, "Circle");
    String shapeName = circle ? "gs:Circle" : "gml:Point";
    String srs = Xml.attribute(shape, "srsName");
    if (srs != null && !srs.strip().equals(WGS84)) {
      throw new NetworkFormatException(shapeName + " has srsName '"
          + NetworkFormatException.excerpt(srs) + "'; only " + WGS84
          + " (WGS 84, latitude then longitude) is understood");
    }
    Element usage = Xml.optional(geopriv, GP, "usage-rules", "gp:usage-rules", "gp:geopriv");
    Element expiry = usage == null ? null
        : Xml.optional(usage, GP, "retention-expiry", "gp:retention-expiry", "gp:usage-rules");
    Element timestamp = Xml.optional(push, NS, "timestamp", "timestamp", "rcspushlocation");
    PushLocation document = new PushLocation(
        new GeolocationPushMessage(
            pos(Xml.required(shape, GML, "pos", "gml:pos", shapeName)),
            Xml.attribute(push, "label"),
            timestamp == null ? null : Xml.token(timestamp, "timestamp"),
            expiry == null ? null : Xml.token(expiry, "gp:retention-expiry"),
            circle ? radius(Xml.required(shape, GS, "radius", "gs:radius", shapeName)) : null),
        entity == null ? null : entity.strip());
    document.check();
    return document;
  }

  /** The one gml:Point or gs:Circle; other PIDF-LO shapes have no place in the model. */
  private static Element shape(Element info) {
    Element shape = null;
    for (Element child : Xml.children(info)) {
      String ns = child.getNamespaceURI();
      if (!GML.equals(ns) && !GS.equals(ns)) {
        continue; // e.g. a civic address beside the geodetic one; the model has no room for it
      }
      if (!Xml.is(child, GML, "Point") && !Xml.is(child, GS, "Circle")) {
        throw new NetworkFormatException("gp:location-info has " + (GML.equals(ns) ? "gml:" : "gs:")
            + child.getLocalName() + "; only gml:Point and gs:Circle are understood");
      }
      if (shape != null) {
        throw new NetworkFormatException("gp:location-info has more than one shape; expected one "
            + "gml:Point or gs:Circle");
      }
      shape = child;
    }
    if (shape == null) {
      throw new NetworkFormatException("gp:location-info has no gml:Point or gs:Circle");
    }
    return shape;
  }

  private static String pos(Element element) {
    String text = Xml.token(element, "gml:pos");
    String[] parts = text.split("\\s+");
    String latitude = parts.length == 2 ? Decimals.plain(parts[0]) : null;
    String longitude = parts.length == 2 ? Decimals.plain(parts[1]) : null;
    if (latitude == null || longitude == null) {
      throw new NetworkFormatException("gml:pos must be two numbers, latitude then longitude, "
          + "such as \"31.2304 121.4737\"; got '" + NetworkFormatException.excerpt(text) + "'");
    }
    return latitude + " " + longitude;
  }

  private static Double radius(Element element) {
    String uom = Xml.attribute(element, "uom");
    if (uom != null && !uom.strip().equals(METRE)) {
      throw new NetworkFormatException("gs:radius has uom '" + NetworkFormatException.excerpt(uom)
          + "'; only metres (" + METRE + ") are understood");
    }
    String text = Xml.token(element, "gs:radius");
    Double radius = Decimals.parse(text);
    if (radius == null) {
      throw new NetworkFormatException("gs:radius must be a number of metres; got '"
          + NetworkFormatException.excerpt(text) + "'");
    }
    return radius;
  }

  /** The rules both directions share: the validator's, plus a sender URI. */
  private void check() {
    if (location == null) {
      throw new NetworkFormatException("a geolocation push document needs a location");
    }
    if (entity == null || entity.isBlank()) {
      throw new NetworkFormatException("rcsenvelope has no entity: the document must name its "
          + "sender, such as tel:+8613800000000");
    }
    if (!isUri(entity)) {
      throw new NetworkFormatException("rcsenvelope entity must be a URI such as "
          + "tel:+8613800000000; got '" + NetworkFormatException.excerpt(entity) + "'");
    }
    ModelRules.check("geolocationPushMessage", location, PLACES);
  }

  private static boolean isUri(String value) {
    try {
      return new URI(value).getScheme() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
