package org.openmaap.platform.dialect.ctcu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openmaap.platform.registry.Chatbot;

/**
 * The {@code signature} header of CT/CU notifications, in the two forms deployed platforms use:
 * {@code sha256} = hex(SHA-256(notifyToken + timestamp + nonce)), or {@code hmac-sha256} =
 * hex(HMAC-SHA256(key = notifyToken, timestamp + nonce)).
 */
enum CtcuSignature {
  SHA256 {
    @Override
    String sign(String notifyToken, String timestamp, String nonce) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest((notifyToken + timestamp + nonce).getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
      }
    }
  },
  HMAC_SHA256 {
    @Override
    String sign(String notifyToken, String timestamp, String nonce) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(notifyToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(
            mac.doFinal((timestamp + nonce).getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
      }
    }
  };

  /** The lowercase hex signature of a notification's timestamp and nonce. */
  abstract String sign(String notifyToken, String timestamp, String nonce);

  /** The scheme a registration names ({@code sha256} unless it says {@code hmac-sha256}). */
  static CtcuSignature of(String scheme) {
    return Chatbot.HMAC_SHA256.equals(scheme) ? HMAC_SHA256 : SHA256;
  }
}
