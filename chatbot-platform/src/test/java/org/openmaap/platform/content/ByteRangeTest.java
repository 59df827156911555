package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openmaap.platform.ApiError;

class ByteRangeTest {

  @Test
  void of_theFormsOfOneRange_resolveAgainstTheSize() {
    assertThat(ByteRange.of("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
    assertThat(ByteRange.of("bytes=900-", 1000)).contains(new ByteRange(900, 999));
    assertThat(ByteRange.of("bytes=-100", 1000)).contains(new ByteRange(900, 999));
    assertThat(ByteRange.of("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
    assertThat(ByteRange.of("bytes=990-2000", 1000)).contains(new ByteRange(990, 999));
  }

  @Test
  void of_noRangeOrOneToIgnore_isTheWholeFile() {
    assertThat(ByteRange.of(null, 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=0-9,20-29", 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=9-0", 1000)).isEmpty();
    assertThat(ByteRange.of("items=0-9", 1000)).isEmpty();
    assertThat(ByteRange.of("bytes=-", 1000)).isEmpty();
  }

  @Test
  void of_pastTheEnd_is416() {
    assertThatThrownBy(() -> ByteRange.of("bytes=1000-", 1000))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(416));
    assertThatThrownBy(() -> ByteRange.of("bytes=-0", 1000)).isInstanceOf(ApiError.class);
    assertThatThrownBy(() -> ByteRange.of("bytes=0-", 0)).isInstanceOf(ApiError.class);
  }
}
