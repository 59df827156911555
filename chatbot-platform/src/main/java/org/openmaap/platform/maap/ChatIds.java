package org.openmaap.platform.maap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * FNW.11's {@code chatId}: a user's anonymised id, the same for one (user, chatbot) on every node
 * and after every restart, which only the platform reads back.
 *
 * <p>It is the user's number encrypted deterministically under the platform's secret (a
 * synthetic IV, as in SIV mode): the IV is an HMAC of (botId, user), which also proves on the way
 * back that the platform made this chatId for this bot. So no mapping needs storing, and another
 * bot's chatId or a made-up one reads as unknown.
 */
public final class ChatIds {

  private static final int IV_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  // A chatId is computed again for every event of a user; the same (bot, user) gives the same one.
  private static final int REMEMBERED = 16_384;

  private final SecretKeySpec encryption;
  private final SecretKeySpec authentication;
  private final Cache<String, String> made = Caffeine.newBuilder()
      .maximumSize(REMEMBERED)
      // Upkeep on the caller's thread: handing it to the common pool costs more than it.
      .executor(Runnable::run)
      .build();

  /** ChatIds under a platform secret of at least 32 bytes, given as hex. */
  public ChatIds(String secretHex) {
    byte[] secret = HexFormat.of().parseHex(secretHex);
    if (secret.length < 32) {
      throw new IllegalArgumentException("the chatId secret must have at least 32 bytes; it has "
          + secret.length);
    }
    this.encryption = new SecretKeySpec(
        Arrays.copyOf(hmac(new SecretKeySpec(secret, "HmacSHA256"), "encryption"), 16), "AES");
    this.authentication = new SecretKeySpec(
        hmac(new SecretKeySpec(secret, "HmacSHA256"), "authentication"), "HmacSHA256");
  }

  /** The chatId of a normalized user number for one chatbot. */
  public String of(String botId, String user) {
    return made.get(botId + "\n" + user, key -> seal(botId, user));
  }

  private String seal(String botId, String user) {
    byte[] iv = Arrays.copyOf(hmac(authentication, botId + "\n" + user), IV_BYTES);
    byte[] sealed = crypt(iv, user.getBytes(StandardCharsets.UTF_8));
    byte[] chatId = Arrays.copyOf(iv, IV_BYTES + sealed.length);
    System.arraycopy(sealed, 0, chatId, IV_BYTES, sealed.length);
    return ENCODER.encodeToString(chatId);
  }

  /** The user number behind a chatId this platform gave to {@code botId}, or empty. */
  public Optional<String> user(String botId, String chatId) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(chatId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (bytes.length <= IV_BYTES || bytes.length > IV_BYTES + 64) {
      return Optional.empty();
    }
    byte[] iv = Arrays.copyOf(bytes, IV_BYTES);
    String user = new String(crypt(iv, Arrays.copyOfRange(bytes, IV_BYTES, bytes.length)),
        StandardCharsets.UTF_8);
    byte[] expected = Arrays.copyOf(hmac(authentication, botId + "\n" + user), IV_BYTES);
    return MessageDigest.isEqual(iv, expected) ? Optional.of(user) : Optional.empty();
  }

  /** AES-CTR under the synthetic IV: the same operation encrypts and decrypts. */
  private byte[] crypt(byte[] iv, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, encryption, new IvParameterSpec(iv));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR is missing from this JVM", e);
    }
  }

  private static byte[] hmac(SecretKeySpec key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
    }
  }
}
