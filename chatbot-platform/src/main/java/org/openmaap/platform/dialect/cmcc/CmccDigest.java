package org.openmaap.platform.dialect.cmcc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.openmaap.platform.registry.Secrets;

/**
 * China Mobile's Basic digest: {@code Basic base64(appId + ":" + sha256hex(sha256hex(secret) +
 * Date))}, bound to the request's RFC 1123 {@code Date}, which may be UTC or Beijing time
 * labelled GMT.
 */
final class CmccDigest {

  /** How far a Date may be from now, either way. */
  static final Duration SKEW = Duration.ofMinutes(5);
  /** Beijing time, which deployed clients write labelled GMT. */
  static final Duration BEIJING = Duration.ofHours(8);

  private CmccDigest() {}

  /** The Authorization header value of {@code appId} with {@code secret} at {@code date}. */
  static String authorization(String appId, String secret, String date) {
    String digest = Secrets.hash(Secrets.hash(secret) + date);
    return "Basic " + Base64.getEncoder().encodeToString(
        (appId + ":" + digest).getBytes(StandardCharsets.UTF_8));
  }

  /** An RFC 1123 Date header value for {@code at}, in GMT. */
  static String date(Instant at) {
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(at,
        ZoneOffset.UTC));
  }

  /**
   * Whether the Date header is within {@link #SKEW} of {@code now}, read as UTC or as Beijing
   * time labelled GMT; false when it is not an RFC 1123 date.
   */
  static boolean fresh(String date, Instant now) {
    Instant written;
    try {
      written = ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
          .toInstant();
    } catch (DateTimeParseException e) {
      return false;
    }
    return within(written, now) || within(written.minus(BEIJING), now);
  }

  private static boolean within(Instant written, Instant now) {
    return Duration.between(written, now).abs().compareTo(SKEW) <= 0;
  }
}
