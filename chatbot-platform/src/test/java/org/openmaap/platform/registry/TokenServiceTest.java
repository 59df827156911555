package org.openmaap.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.delivery.JumpingClock;
import org.openmaap.platform.store.SqliteStore;
import org.openmaap.platform.store.Store;

/** Signed access tokens: any node with the key takes them, until they expire or are revoked. */
class TokenServiceTest {

  private static final String KEY = "11".repeat(32);
  private static final String OTHER_KEY = "22".repeat(32);

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private final JumpingClock clock = new JumpingClock();
  private Store store;
  private ChatbotRegistry registry;
  private Registration coffee;

  @BeforeEach
  void register() {
    store = SqliteStore.open(vertx, dir).await();
    registry = ChatbotRegistry.load(store, clock, Duration.ofHours(1)).await();
    coffee = registry.register(new JsonObject().put("botId", "coffee").put("name", "Coffee")
        .put("webhookUrl", "http://127.0.0.1:1/hook")).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  private String issue(TokenService tokens) {
    return tokens.issue(basic(coffee.chatbot().clientId(), coffee.clientSecret()),
        "client_credentials", null, null).getString("access_token");
  }

  private static String basic(String id, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret)
        .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void token_isTakenByAnyServiceWithTheKey_asAnotherNodeOrAfterARestart() {
    String token = issue(new TokenService(registry, Duration.ofHours(1), clock, KEY));

    TokenService otherNode = new TokenService(registry, Duration.ofHours(1), clock, KEY);

    assertThat(otherNode.botOf("Bearer " + token)).contains("coffee");
  }

  @Test
  void token_signedWithAnotherKey_isRefused() {
    String token = issue(new TokenService(registry, Duration.ofHours(1), clock, OTHER_KEY));

    assertThat(new TokenService(registry, Duration.ofHours(1), clock, KEY)
        .botOf("Bearer " + token)).isEmpty();
  }

  @Test
  void token_expires_afterItsTtl() {
    TokenService tokens = new TokenService(registry, Duration.ofMinutes(5), clock, KEY);
    String token = issue(tokens);

    clock.jump(Duration.ofMinutes(4));
    Optional<String> before = tokens.botOf("Bearer " + token);
    clock.jump(Duration.ofMinutes(2));

    assertThat(before).contains("coffee");
    assertThat(tokens.botOf("Bearer " + token)).isEmpty();
  }

  @Test
  void token_isRevoked_byRotationAndByDeletion() {
    TokenService tokens = new TokenService(registry, Duration.ofHours(1), clock, KEY);
    String beforeRotation = issue(tokens);

    coffee = registry.rotate("coffee").await();
    String afterRotation = issue(tokens);

    assertThat(tokens.botOf("Bearer " + beforeRotation)).isEmpty();
    assertThat(tokens.botOf("Bearer " + afterRotation)).contains("coffee");
    registry.delete("coffee").await();
    assertThat(tokens.botOf("Bearer " + afterRotation)).isEmpty();
  }

  @Test
  void token_tamperedOrMalformed_isRefused() {
    TokenService tokens = new TokenService(registry, Duration.ofHours(1), clock, KEY);
    String token = issue(tokens);
    String claims = new String(Base64.getUrlDecoder().decode(token.substring(0,
        token.indexOf('.'))), StandardCharsets.UTF_8);
    String otherBot = Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims.replace("coffee", "teashop").getBytes(StandardCharsets.UTF_8))
        + token.substring(token.indexOf('.'));

    assertThat(tokens.botOf("Bearer " + otherBot)).isEmpty();
    assertThat(tokens.botOf("Bearer " + token + "x")).isEmpty();
    assertThat(tokens.botOf("Bearer not-a-token")).isEmpty();
    assertThat(tokens.botOf("Bearer a.b.c")).isEmpty();
    assertThat(tokens.botOf("Bearer %%%.%%%")).isEmpty();
    assertThat(tokens.botOf(null)).isEmpty();
  }

  @Test
  void tokens_issuedTwiceInARow_differ() {
    TokenService tokens = new TokenService(registry, Duration.ofHours(1), Clock.systemUTC(), KEY);

    assertThat(issue(tokens)).isNotEqualTo(issue(tokens));
  }
}
