package org.openmaap.platform.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets and tokens, their hashes, and constant-time comparison. */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** 256 random bits, URL-safe base64 without padding. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * SHA-256 of a secret, hex. Secrets here are 256 random bits, so a fast unsalted hash is enough:
   * there is no dictionary to try.
   */
  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Whether {@code given} hashes to {@code expectedHash}, in time independent of where they differ. */
  public static boolean matchesHash(String given, String expectedHash) {
    return given != null && expectedHash != null && MessageDigest.isEqual(
        hash(given).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** Whether two secrets are equal, in time independent of where they differ. */
  public static boolean sameSecret(String given, String expected) {
    return given != null && expected != null && MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}
