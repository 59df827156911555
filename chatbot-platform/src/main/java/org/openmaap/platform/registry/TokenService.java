package org.openmaap.platform.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.openmaap.platform.TokenAuth;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.Unauthenticated;

/**
 * OAuth2 client-credentials tokens: opaque, bound to one bot, expiring after the configured TTL,
 * and revoked when the bot's secrets rotate (its token generation moves on) or it is deleted.
 * Tokens live in memory only, keyed by their hash; after a restart bots simply ask again.
 */
public final class TokenService {

  private static final long MAX_TOKENS = 1_000_000;

  private final ChatbotRegistry registry;
  private final Duration ttl;
  private final Cache<String, Grant> grants;

  public TokenService(ChatbotRegistry registry, Duration ttl, Ticker ticker) {
    this.registry = registry;
    this.ttl = ttl;
    this.grants = Caffeine.newBuilder()
        .expireAfterWrite(ttl)
        .maximumSize(MAX_TOKENS)
        .ticker(ticker)
        .build();
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
    String token = Secrets.newSecret();
    grants.put(Secrets.hash(token), new Grant(client.botId(), client.tokenGeneration()));
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
    Grant grant = grants.getIfPresent(Secrets.hash(token));
    if (grant == null || !registry.tokenGenerationValid(grant.botId(), grant.generation())) {
      return Optional.empty();
    }
    return Optional.of(grant.botId());
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

  private record Grant(String botId, long generation) {}
}
