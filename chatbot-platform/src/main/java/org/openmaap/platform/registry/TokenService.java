package org.openmaap.platform.registry;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openmaap.platform.TokenAuth;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.Unauthenticated;

/**
 * OAuth2 client-credentials tokens: opaque to the bot, bound to one bot, expiring after the
 * configured TTL, and revoked when the bot's secrets rotate (its token generation moves on) or it
 * is deleted. A token carries its bot, generation and expiry under an HMAC-SHA256 of the platform's
 * {@code token_key} secret (made once by the store's schema), so every node sharing the store takes
 * it, and it outlives restarts, with nothing to write per token or read per request.
 */
public final class TokenService {

  private static final String MAC = "HmacSHA256";
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

  private final ChatbotRegistry registry;
  private final Duration ttl;
  private final Clock clock;
  private final SecretKeySpec key;

  /** Tokens signed with {@code keyHex}, the platform secret {@code token_key}. */
  public TokenService(ChatbotRegistry registry, Duration ttl, Clock clock, String keyHex) {
    this.registry = registry;
    this.ttl = ttl;
    this.clock = clock;
    this.key = new SecretKeySpec(HexFormat.of().parseHex(keyHex), MAC);
  }

  /**
   * A token for the client in an {@code Authorization: Basic} header, or (RFC 6749
   * client_secret_post) in the form's {@code client_id} and {@code client_secret}, with the form's
   * grant type, as the token endpoint answers it; fails with Invalid or Unauthenticated.
   */
  public JsonObject issue(String authorization, String grantType, String formClientId,
      String formClientSecret) {
    if (!"client_credentials".equals(grantType)) {
      throw new Invalid("unsupported_grant_type",
          "grant_type must be client_credentials, sent as a form field");
    }
    boolean inForm = formClientId != null || formClientSecret != null;
    if (authorization != null && inForm) {
      throw new Invalid("invalid_request", "send the client credentials once: either as "
          + "Authorization: Basic or as client_id and client_secret in the form, not both");
    }
    String[] credentials = inForm
        ? formCredentials(formClientId, formClientSecret)
        : basicCredentials(authorization);
    ChatbotRegistry.Client client = registry.authenticate(credentials[0], credentials[1])
        .orElseThrow(() -> new Unauthenticated("the client id or secret is wrong"));
    // The random part makes every token differ, even two issued in one millisecond.
    String claims = client.tokenGeneration() + ":" + clock.instant().plus(ttl).toEpochMilli()
        + ":" + Secrets.newSecret().substring(0, 16) + ":" + client.botId();
    byte[] claimBytes = claims.getBytes(StandardCharsets.UTF_8);
    String token = BASE64.encodeToString(claimBytes) + "." + BASE64.encodeToString(mac(claimBytes));
    return new JsonObject()
        .put("access_token", token)
        .put("token_type", "Bearer")
        .put("expires_in", ttl.toSeconds());
  }

  /** The bot an {@code Authorization: Bearer} header speaks for, if its token is valid. */
  public Optional<String> botOf(String authorization) {
    String token = TokenAuth.bearer(authorization);
    if (token == null) {
      return Optional.empty();
    }
    Grant grant = verified(token);
    if (grant == null || !clock.instant().isBefore(grant.expires())
        || !registry.tokenGenerationValid(grant.botId(), grant.generation())) {
      return Optional.empty();
    }
    return Optional.of(grant.botId());
  }

  // The token's claims when its MAC is ours, else null (whatever is wrong with it).
  private Grant verified(String token) {
    int dot = token.indexOf('.');
    if (dot < 0) {
      return null;
    }
    byte[] claimBytes;
    byte[] given;
    try {
      claimBytes = UNBASE64.decode(token.substring(0, dot));
      given = UNBASE64.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (!MessageDigest.isEqual(mac(claimBytes), given)) {
      return null;
    }
    String[] claims = new String(claimBytes, StandardCharsets.UTF_8).split(":", 4);
    try {
      return new Grant(claims[3], Long.parseLong(claims[0]),
          Instant.ofEpochMilli(Long.parseLong(claims[1])));
    } catch (RuntimeException e) {
      // Signed by us, so written by us: only a token of another format gets here.
      return null;
    }
  }

  private byte[] mac(byte[] claims) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac.doFinal(claims);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(MAC + " is missing from this JVM", e);
    }
  }

  private static String[] formCredentials(String clientId, String clientSecret) {
    if (clientId == null || clientSecret == null) {
      throw new Unauthenticated("the form needs both client_id and client_secret");
    }
    return new String[] {clientId, clientSecret};
  }

  private static String[] basicCredentials(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new Unauthenticated("send the client id and secret as Authorization: Basic "
          + "base64(clientId:clientSecret), or as client_id and client_secret in the form");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new Unauthenticated("the Basic credentials are not valid base64");
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw new Unauthenticated("the Basic credentials must be clientId:clientSecret");
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }

  private record Grant(String botId, long generation, Instant expires) {}
}
