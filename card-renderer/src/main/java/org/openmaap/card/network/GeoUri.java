package org.openmaap.card.network;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmaap.card.model.GeolocationPushMessage;

/**
 * A {@code geo:} URI (RFC 5870) with the GSMA {@code rcs-l} label: the location, in the datum
 * {@code crs} names (never converted, so a GCJ-02 position must not be sent where WGS 84 is
 * expected), and the altitude in metres when the URI gives one.
 */
public record GeoUri(GeolocationPushMessage location, Crs crs, Double altitude) {

  /** The coordinate reference systems a geo URI may name. */
  public enum Crs {
    /** WGS 84, the default of RFC 5870 and the datum of GPS. */
    WGS84,
    /** GCJ-02, the datum Chinese maps must use, up to a few hundred metres off WGS 84. */
    GCJ02;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Far above any real URI: a 100-character label percent-encoded is at most 1200 characters. */
  static final int MAX_LENGTH = 4096;

  private static final Pattern NUM = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern PNUM = Pattern.compile("[0-9]+(\\.[0-9]+)?");
  private static final Pattern LABELTEXT = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern PVALUE =
      Pattern.compile("(?:[\\[\\]:&+$A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+");

  private static final Map<String, String> PLACES = Map.of(
      "pos", "geo URI coordinates",
      "label", "geo URI rcs-l",
      "radius", "geo URI u");

  /** A geo URI needs a location and a datum; WGS 84 is the default of RFC 5870. */
  public GeoUri {
    Objects.requireNonNull(location, "location must not be null");
    Objects.requireNonNull(crs, "crs must not be null; Crs.WGS84 is the default datum");
  }

  /** A WGS 84 geo URI for a location, without altitude. */
  public static GeoUri of(GeolocationPushMessage location) {
    return new GeoUri(location, Crs.WGS84, null);
  }

  /** Parses a geo URI such as {@code geo:31.2304,121.4737;u=10;rcs-l=Pick-up%20point}. */
  public static GeoUri parse(String uri) {
    Objects.requireNonNull(uri, "uri must not be null");
    String text = uri.strip();
    if (text.length() > MAX_LENGTH) {
      throw new NetworkFormatException("the geo URI has " + text.length()
          + " characters; the limit is " + MAX_LENGTH);
    }
    if (!text.regionMatches(true, 0, "geo:", 0, 4)) {
      throw new NetworkFormatException("not a geo URI: '" + NetworkFormatException.excerpt(text)
          + "' does not start with geo:");
    }
    String[] parts = text.substring(4).split(";", -1);
    String[] coordinates = parts[0].split(",", -1);
    if (coordinates.length < 2 || coordinates.length > 3) {
      throw new NetworkFormatException("a geo URI gives latitude,longitude[,altitude]; got '"
          + NetworkFormatException.excerpt(parts[0]) + "'");
    }
    for (String coordinate : coordinates) {
      if (!NUM.matcher(coordinate).matches()) {
        throw new NetworkFormatException("geo URI coordinate '"
            + NetworkFormatException.excerpt(coordinate)
            + "' is not a decimal number such as 31.2304 or -33.8568");
      }
    }
    Crs crs = Crs.WGS84;
    Double radius = null;
    String label = null;
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < parts.length; i++) {
      int equals = parts[i].indexOf('=');
      String name =
          (equals < 0 ? parts[i] : parts[i].substring(0, equals)).toLowerCase(Locale.ROOT);
      String value = equals < 0 ? null : parts[i].substring(equals + 1);
      checkParameter(name, value, seen);
      switch (name) {
        case "crs" -> crs = crs(required(name, value));
        case "u" -> radius = uncertainty(required(name, value));
        case "rcs-l" -> label = decode(required(name, value));
        default -> {
          // RFC 5870 lets a URI carry parameters its reader does not know; they mean nothing here.
        }
      }
    }
    Double altitude = null;
    if (coordinates.length == 3) {
      altitude = Decimals.parse(coordinates[2]);
      if (altitude == null) {
        throw new NetworkFormatException("geo URI altitude '"
            + NetworkFormatException.excerpt(coordinates[2]) + "' is out of range");
      }
    }
    GeoUri geo = new GeoUri(
        new GeolocationPushMessage(Decimals.plain(coordinates[0]) + " "
            + Decimals.plain(coordinates[1]), label, null, null, radius),
        crs, altitude);
    geo.check();
    return geo;
  }

  /**
   * The URI text: coordinates, crs unless WGS 84, u for the radius and rcs-l for the label; a geo
   * URI has no place for the location's timestamp or expiry, so those are left out.
   */
  public String format() {
    check();
    String[] position = location.pos().trim().split("\\s+"); // as the validator splits it
    StringBuilder uri = new StringBuilder("geo:")
        .append(Decimals.plain(position[0])).append(',').append(Decimals.plain(position[1]));
    if (altitude != null) {
      uri.append(',').append(Decimals.plain(altitude));
    }
    if (crs != Crs.WGS84) {
      uri.append(";crs=").append(crs.label());
    }
    if (location.radius() != null) {
      uri.append(";u=").append(Decimals.plain(location.radius()));
    }
    if (location.label() != null) {
      uri.append(";rcs-l=").append(encode(location.label()));
    }
    return uri.toString();
  }

  private void check() {
    if (altitude != null && !Double.isFinite(altitude)) {
      throw new NetworkFormatException("geo URI altitude must be a finite number of metres; got "
          + altitude);
    }
    ModelRules.check("geolocationPushMessage", location, PLACES);
  }

  private static void checkParameter(String name, String value, Set<String> seen) {
    if (!LABELTEXT.matcher(name).matches()) {
      throw new NetworkFormatException("geo URI parameter name '"
          + NetworkFormatException.excerpt(name) + "' is not letters, digits and hyphens");
    }
    if (!seen.add(name)) {
      throw new NetworkFormatException("the geo URI has two " + name + " parameters");
    }
    if (value != null && value.isEmpty()) {
      throw new NetworkFormatException("geo URI parameter " + name + " has an empty value");
    }
    if (value != null && !PVALUE.matcher(value).matches()) {
      throw new NetworkFormatException("geo URI parameter " + name + " has a character that must "
          + "be percent-encoded: '" + NetworkFormatException.excerpt(value) + "'");
    }
  }

  private static String required(String name, String value) {
    if (value == null) {
      throw new NetworkFormatException("geo URI parameter " + name + " needs a value");
    }
    return value;
  }

  private static Crs crs(String value) {
    for (Crs crs : Crs.values()) {
      if (crs.label().equalsIgnoreCase(value)) {
        return crs;
      }
    }
    // Reading a position in an unknown datum as WGS 84 could put it kilometres away.
    throw new NetworkFormatException("geo URI crs '" + NetworkFormatException.excerpt(value)
        + "' is not understood; expected wgs84 or gcj02");
  }

  private static Double uncertainty(String value) {
    Double radius = PNUM.matcher(value).matches() ? Decimals.parse(value) : null;
    if (radius == null) {
      throw new NetworkFormatException("geo URI u must be a number of metres such as 10; got '"
          + NetworkFormatException.excerpt(value) + "'");
    }
    return radius;
  }

  /** Percent-decodes a parameter value whose characters {@link #PVALUE} has already checked. */
  private static String decode(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NetworkFormatException("geo URI rcs-l is not percent-encoded UTF-8: '"
          + NetworkFormatException.excerpt(value) + "'", e);
    }
  }

  /** Percent-encodes every byte but RFC 3986's unreserved characters, as the rcs-l examples do. */
  private static String encode(String label) {
    ByteBuffer bytes;
    try {
      bytes = StandardCharsets.UTF_8.newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .encode(CharBuffer.wrap(label));
    } catch (CharacterCodingException e) {
      throw new NetworkFormatException("the label cannot be written as UTF-8: it has a lone "
          + "surrogate", e);
    }
    StringBuilder out = new StringBuilder();
    while (bytes.hasRemaining()) {
      int b = bytes.get() & 0xFF;
      if (b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
          || b == '-' || b == '.' || b == '_' || b == '~') {
        out.append((char) b);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
