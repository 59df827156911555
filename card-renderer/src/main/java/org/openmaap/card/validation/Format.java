package org.openmaap.card.validation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** String formats with their own violation codes: URLs, phone numbers, date-times, MIME types. */
enum Format {
  PLAIN {
    @Override
    void check(String value, Pointer at, Findings out) {}
  },

  /** An absolute http or https URL of at most 2048 characters. */
  URL {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (value.length() > MAX_URL_LENGTH) {
        out.error(at, Code.BAD_URL, at.name() + " has " + value.length()
            + " characters; the limit is " + MAX_URL_LENGTH);
      } else if (!isHttpUrl(value)) {
        out.error(at, Code.BAD_URL, at.name() + " must be an absolute http or https URL; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** E.164-like: an optional + and 3 to 20 digits. */
  PHONE {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (!isPhoneNumber(value)) {
        out.error(at, Code.BAD_PHONE, at.name()
            + " must be a phone number: an optional + and 3 to 20 digits; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** A user's address: a phone number, alone or as a tel: or sip: URI. */
  USER_CONTACT {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (!isPhoneNumber(numberOf(value))) {
        out.error(at, Code.BAD_PHONE, at.name()
            + " must be a phone number such as +8613800000000 (tel: and sip: forms accepted); got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** An ISO-8601 date-time with an offset, such as 2026-12-01T08:00:00Z. */
  DATETIME {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (parseDateTime(value) == null) {
        out.error(at, Code.BAD_DATETIME, at.name()
            + " must be an ISO-8601 date-time with an offset, such as 2026-12-01T08:00:00Z; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** A MIME type: type/subtype. */
  MIME_TYPE {
    @Override
    void check(String value, Pointer at, Findings out) {
      if (!MIME.matcher(value).matches()) {
        out.error(at, Code.BAD_VALUE, at.name() + " must be a MIME type such as image/png; got '"
            + abbreviate(value) + "'");
      }
    }
  },

  /** A geolocation push position: "latitude longitude". */
  POSITION {
    @Override
    void check(String value, Pointer at, Findings out) {
      String[] parts = value.trim().split("\\s+");
      double latitude;
      double longitude;
      try {
        if (parts.length != 2) {
          throw new NumberFormatException();
        }
        latitude = Double.parseDouble(parts[0]);
        longitude = Double.parseDouble(parts[1]);
      } catch (NumberFormatException e) {
        out.error(at, Code.BAD_VALUE, at.name()
            + " must be \"latitude longitude\", such as \"31.2304 121.4737\"; got '"
            + abbreviate(value) + "'");
        return;
      }
      if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) {
        out.error(at, Code.OUT_OF_RANGE, at.name()
            + " must have latitude between -90 and 90 and longitude between -180 and 180; got '"
            + abbreviate(value) + "'");
      }
    }
  };

  static final int MAX_URL_LENGTH = 2048;

  private static final Pattern MIME =
      Pattern.compile("[A-Za-z0-9][\\w!#$&^.+-]{0,126}/[A-Za-z0-9][\\w!#$&^.+-]{0,126}");

  abstract void check(String value, Pointer at, Findings out);

  static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.toLowerCase(Locale.ROOT).equals("http")
              || scheme.toLowerCase(Locale.ROOT).equals("https"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  static boolean isPhoneNumber(String value) {
    int start = value.startsWith("+") ? 1 : 0;
    int digits = value.length() - start;
    if (digits < 3 || digits > 20) {
      return false;
    }
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The number inside {@code tel:+86...} or {@code sip:+86...@host}, or the value itself. */
  static String numberOf(String contact) {
    String number = contact;
    if (number.regionMatches(true, 0, "tel:", 0, 4) || number.regionMatches(true, 0, "sip:", 0, 4)) {
      number = number.substring(4);
    }
    int end = number.length();
    for (char stop : new char[] {'@', ';'}) {
      int i = number.indexOf(stop);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return number.substring(0, end);
  }

  /** The instant of an ISO-8601 date-time with offset, or null when it is not one. */
  static OffsetDateTime parseDateTime(String value) {
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String abbreviate(String value) {
    return value.codePointCount(0, value.length()) <= 80
        ? value
        : value.substring(0, value.offsetByCodePoints(0, 77)) + "...";
  }
}
