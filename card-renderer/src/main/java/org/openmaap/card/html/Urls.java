package org.openmaap.card.html;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The URL policy: which links and sources may be emitted, and how tel, sms and geo are built. */
final class Urls {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Urls() {}

  /** The url when it is absolute with scheme http, https, tel, sms, geo or mailto, else null. */
  static String link(String url) {
    String scheme = scheme(url);
    if (scheme == null) {
      return null;
    }
    return switch (scheme) {
      case "http", "https", "tel", "sms", "geo", "mailto" -> url;
      default -> null;
    };
  }

  /** The url when it is absolute http or https, all an image or poster may load; else null. */
  static String image(String url) {
    String scheme = scheme(url);
    return "http".equals(scheme) || "https".equals(scheme) ? url : null;
  }

  /**
   * The lower-case scheme of an absolute URL, or null when there is none or the URL holds a space
   * or a control character anywhere: browsers drop tabs and newlines inside URLs and trim leading
   * controls, so {@code "java\tscript:"} or {@code " javascript:"} would otherwise slip through.
   */
  private static String scheme(String url) {
    if (url == null || url.isEmpty()) {
      return null;
    }
    int colon = -1;
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= ' ' || (c >= 0x7F && c <= 0x9F)) {
        return null;
      }
      if (colon < 0) {
        if (c == ':') {
          colon = i;
        } else if (!schemeChar(c, i == 0)) {
          return null;
        }
      }
    }
    return colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : null;
  }

  private static boolean schemeChar(char c, boolean first) {
    boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return first ? letter
        : letter || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
  }

  /** A tel: URI for the number, or null when it is not a phone number. */
  static String tel(String phoneNumber) {
    String number = dialable(phoneNumber);
    return number == null ? null : "tel:" + number;
  }

  /** An sms: URI (RFC 5724) to the number, prefilled with body when there is one. */
  static String sms(String phoneNumber, String body) {
    String number = dialable(phoneNumber);
    if (number == null) {
      return null;
    }
    StringBuilder uri = new StringBuilder("sms:").append(number);
    if (body != null) {
      uri.append("?body=");
      percentEncode(uri, body);
    }
    return uri.toString();
  }

  /** A geo: URI (RFC 5870) with the radius as uncertainty; null unless the point is on Earth. */
  static String geo(Double latitude, Double longitude, Double radius) {
    String lat = coordinate(latitude, 90);
    String lon = coordinate(longitude, 180);
    if (lat == null || lon == null) {
      return null;
    }
    String u = radius != null && radius > 0 ? plain(radius) : null;
    return "geo:" + lat + "," + lon + (u == null ? "" : ";u=" + u);
  }

  /** A geo: URI that searches for a place, in the {@code geo:0,0?q=} form Android understands. */
  static String geoQuery(String query) {
    if (query == null) {
      return null;
    }
    StringBuilder uri = new StringBuilder("geo:0,0?q=");
    percentEncode(uri, query);
    return uri.toString();
  }

  /** The coordinate as plain decimal text, or null when it is not finite or out of +-limit. */
  static String coordinate(Double value, double limit) {
    if (value == null || !(value >= -limit && value <= limit)) {
      return null;
    }
    return plain(value);
  }

  /** A finite number as plain decimal text (never {@code 1.0E-5}), or null. */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * The number as it goes into a tel: or sms: URI: an optional leading +, at least 3 digits, and
   * the visual separators RFC 3966 allows (spaces dropped); null for anything else, so garbage is
   * never turned into a number to call.
   */
  private static String dialable(String phoneNumber) {
    if (phoneNumber == null) {
      return null;
    }
    StringBuilder number = new StringBuilder(phoneNumber.length());
    int digits = 0;
    for (int i = 0; i < phoneNumber.length(); i++) {
      char c = phoneNumber.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        number.append(c);
      } else if (c == '-' || c == '.' || c == '(' || c == ')' || (c == '+' && i == 0)) {
        number.append(c);
      } else if (c != ' ') {
        return null;
      }
    }
    return digits >= 3 ? number.toString() : null;
  }

  private static void percentEncode(StringBuilder out, String s) {
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
  }
}
