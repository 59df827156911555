package org.openmaap.platform.dialect.cmcc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CmccDigestTest {

  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

  @Test
  void fresh_acceptsUtcAndBeijingTimeWithinFiveMinutes_andNothingElse() {
    assertThat(CmccDigest.fresh("Mon, 7 Dec 2026 08:04:59 GMT", NOW)).isTrue();
    assertThat(CmccDigest.fresh("Mon, 07 Dec 2026 07:55:00 GMT", NOW)).isTrue();
    // 16:02 in Beijing is 08:02 UTC, written by clients as if it were GMT.
    assertThat(CmccDigest.fresh("Mon, 07 Dec 2026 16:02:00 GMT", NOW)).isTrue();
    assertThat(CmccDigest.fresh("Mon, 07 Dec 2026 16:02:00 +0800", NOW)).isTrue();
    assertThat(CmccDigest.fresh("Mon, 07 Dec 2026 08:10:00 GMT", NOW)).isFalse();
    assertThat(CmccDigest.fresh("Mon, 07 Dec 2026 12:00:00 GMT", NOW)).isFalse();
    assertThat(CmccDigest.fresh("2026-12-07T08:00:00Z", NOW)).isFalse();
    assertThat(CmccDigest.fresh("", NOW)).isFalse();
  }

  @Test
  void authorization_isBasicOfAppIdAndTheDoubleSha256OverTheDate() {
    String date = CmccDigest.date(NOW);

    String header = CmccDigest.authorization("app-1", "123456", date);

    // sha256hex("123456") = 8d969eef…, and the digest is over it followed by the Date.
    String decoded = new String(Base64.getDecoder().decode(header.substring(6)),
        StandardCharsets.UTF_8);
    assertThat(date).isEqualTo("Mon, 7 Dec 2026 08:00:00 GMT");
    assertThat(header).startsWith("Basic ");
    assertThat(decoded).startsWith("app-1:").hasSize("app-1:".length() + 64);
    assertThat(decoded.substring(6)).isEqualTo(org.openmaap.platform.registry.Secrets.hash(
        "8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92" + date));
  }
}
