package org.openmaap.platform.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Maap-Signature} header: {@code v1=} + hex(HMAC-SHA256(secret, timestamp + "." +
 * raw body)), one value per secret, comma-separated, current secret first.
 */
public final class WebhookSignature {

  /** The name of the header the signature travels in. */
  public static final String HEADER = "X-Maap-Signature";

  private static final String SCHEME = "v1=";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The header value for this body and timestamp, signed with each secret in the given order. */
  public static String sign(List<String> secrets, long timestamp, byte[] body) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook secret is needed to sign");
    }
    byte[] signed = signedBytes(Long.toString(timestamp), body);
    return secrets.stream()
        .map(secret -> SCHEME + HexFormat.of().formatHex(hmac(secret, signed)))
        .collect(Collectors.joining(","));
  }

  /**
   * True when one of the header's {@code v1=} values is this secret's signature of the timestamp
   * (as received in {@code X-Maap-Timestamp}) and the raw body.
   */
  public static boolean verify(String secret, String timestamp, byte[] body, String header) {
    if (secret == null || secret.isEmpty() || timestamp == null || body == null
        || header == null) {
      return false;
    }
    String hex = HexFormat.of().formatHex(hmac(secret, signedBytes(timestamp, body)));
    byte[] expected = (SCHEME + hex).getBytes(StandardCharsets.US_ASCII);
    boolean match = false;
    for (String value : header.split(",")) {
      // Compare every value in constant time, so timing reveals neither which one matched nor how.
      match |= MessageDigest.isEqual(expected, value.trim().getBytes(StandardCharsets.US_ASCII));
    }
    return match;
  }

  private static byte[] signedBytes(String timestamp, byte[] body) {
    byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
    byte[] signed = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, signed, 0, prefix.length);
    System.arraycopy(body, 0, signed, prefix.length, body.length);
    return signed;
  }

  private static byte[] hmac(String secret, byte[] data) {
    try {
      // A Mac is stateful and not thread-safe; one per call is cheap next to an HTTP request.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
    }
  }
}
