package org.openmaap.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookSignatureTest {

  private static final byte[] BODY = "{\"event\":\"message\"}".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest(name = "{0}")
  @MethodSource("opensslVectors")
  void sign_opensslVector_sameDigest(Vector vector) {
    String header = WebhookSignature.sign(List.of(vector.secret()), vector.timestamp(),
        vector.body());

    assertThat(header).isEqualTo("v1=" + vector.hex());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("opensslVectors")
  void verify_opensslVector_true(Vector vector) {
    boolean valid = WebhookSignature.verify(vector.secret(), Long.toString(vector.timestamp()),
        vector.body(), "v1=" + vector.hex());

    assertThat(valid).isTrue();
  }

  @Test
  void sign_rotation_currentFirstThenPreviousCommaSeparated() {
    byte[] body = resource("body-message.json");

    String header = WebhookSignature.sign(List.of("whsec_current", "whsec_previous"), 1700000000,
        body);

    assertThat(header).isEqualTo(
        "v1=0ac79fdcbbef31fa6e87c375b7a6c0eb4d9be195dd43427cb1db44fb33e2d9ce,"
            + "v1=dec92b6917e84e34cc8d8ea4d4330f8ba4e2996ffd54926f2670a8ce22fa8b44");
  }

  @Test
  void verify_rotation_eitherSecretVerifies() {
    String header = WebhookSignature.sign(List.of("new-secret", "old-secret"), 42, BODY);

    assertThat(WebhookSignature.verify("new-secret", "42", BODY, header)).isTrue();
    assertThat(WebhookSignature.verify("old-secret", "42", BODY, header)).isTrue();
    assertThat(WebhookSignature.verify("third-secret", "42", BODY, header)).isFalse();
  }

  @Test
  void verify_spacesAfterComma_stillVerifies() {
    String header = WebhookSignature.sign(List.of("a", "b"), 42, BODY).replace(",", ", ");

    assertThat(WebhookSignature.verify("b", "42", BODY, header)).isTrue();
  }

  @Test
  void verify_wrongSecret_false() {
    String header = WebhookSignature.sign(List.of("secret"), 42, BODY);

    assertThat(WebhookSignature.verify("Secret", "42", BODY, header)).isFalse();
  }

  @Test
  void verify_otherTimestamp_false() {
    String header = WebhookSignature.sign(List.of("secret"), 42, BODY);

    assertThat(WebhookSignature.verify("secret", "43", BODY, header)).isFalse();
  }

  @Test
  void verify_bodyChangedByOneByte_false() {
    String header = WebhookSignature.sign(List.of("secret"), 42, BODY);
    byte[] tampered = BODY.clone();
    tampered[3] ^= 1;

    assertThat(WebhookSignature.verify("secret", "42", tampered, header)).isFalse();
  }

  @Test
  void verify_malformedHeaders_false() {
    String valid = WebhookSignature.sign(List.of("secret"), 42, BODY);
    String hex = valid.substring("v1=".length());

    assertThat(Stream.of(null, "", ",", hex, "v2=" + hex, "v1=" + hex.toUpperCase(),
            "v1=" + hex.substring(1), valid + "0")
        .map(header -> WebhookSignature.verify("secret", "42", BODY, header)))
        .containsOnly(false);
  }

  @Test
  void verify_missingParts_falseRatherThanThrowing() {
    String header = WebhookSignature.sign(List.of("secret"), 42, BODY);

    assertThat(WebhookSignature.verify("", "42", BODY, header)).isFalse();
    assertThat(WebhookSignature.verify(null, "42", BODY, header)).isFalse();
    assertThat(WebhookSignature.verify("secret", null, BODY, header)).isFalse();
    assertThat(WebhookSignature.verify("secret", "42", null, header)).isFalse();
  }

  @Test
  void sign_noSecret_throwsNamingTheProblem() {
    assertThatThrownBy(() -> WebhookSignature.sign(List.of(), 42, BODY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one webhook secret");
  }

  static Stream<Vector> opensslVectors() {
    return new String(resource("signature-vectors.txt"), StandardCharsets.UTF_8).lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split(" "))
        .map(f -> new Vector(f[0], Long.parseLong(f[1]), f[2], resource(f[2]), f[3]));
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebhookSignatureTest.class.getResourceAsStream("/webhook/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /webhook/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Vector(String secret, long timestamp, String bodyFile, byte[] body, String hex) {
    @Override
    public String toString() {
      return secret + " @" + timestamp + " over " + bodyFile;
    }
  }
}
