package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.sms.UserData.Concat;
import org.openmaap.platform.sms.UserData.Encoded;
import org.openmaap.platform.sms.UserData.Parsed;

class UserDataTest {

  @Test
  void encode_shortGsm7_onePartWithoutHeader() {
    Encoded encoded = UserData.encode("Hi there", 7);

    assertThat(encoded.dataCoding()).isEqualTo(UserData.GSM_7);
    assertThat(encoded.esmClass()).isZero();
    assertThat(encoded.parts()).singleElement()
        .isEqualTo("Hi there".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void encode_escapeAtTheLimit_movesWholeToTheNextPart() {
    String text = "x".repeat(152) + "€" + "y".repeat(10);

    Encoded encoded = UserData.encode(text, 0x2A);

    assertThat(encoded.esmClass()).isEqualTo(UserData.UDHI);
    assertThat(encoded.parts()).hasSize(2);
    byte[] first = encoded.parts().get(0);
    assertThat(first).startsWith(0x05, 0x00, 0x03, 0x2A, 0x02, 0x01).hasSize(6 + 152);
    assertThat(encoded.parts().get(1)).startsWith(0x05, 0x00, 0x03, 0x2A, 0x02, 0x02, 0x1B, 0x65);
    assertThat(joined(encoded)).isEqualTo(text);
  }

  @Test
  void encode_emojiAtTheLimit_neverSplitsASurrogatePair() {
    String text = "好".repeat(66) + "👋🏽" + "完".repeat(5);

    Encoded encoded = UserData.encode(text, 1);

    assertThat(encoded.dataCoding()).isEqualTo(UserData.UCS_2);
    for (byte[] part : encoded.parts()) {
      String alone = UserData.decode(UserData.UCS_2, UserData.parse(UserData.UDHI, part).payload());
      assertThat(Character.isHighSurrogate(alone.charAt(alone.length() - 1))).isFalse();
      assertThat(Character.isLowSurrogate(alone.charAt(0))).isFalse();
    }
    assertThat(joined(encoded)).isEqualTo(text);
  }

  @Test
  void encode_moreThan255Parts_refused() {
    assertThatThrownBy(() -> UserData.encode("a".repeat(153 * 256), 0))
        .hasMessageContaining("at most 255");
  }

  @Test
  void parse_sixteenBitReference_read() {
    byte[] part = {0x06, 0x08, 0x04, 0x12, 0x34, 0x03, 0x02, 0x41};

    Parsed parsed = UserData.parse(UserData.UDHI, part);

    assertThat(parsed.concat()).isEqualTo(new Concat(0x1234, 3, 2));
    assertThat(parsed.payload()).containsExactly(0x41);
  }

  @Test
  void parse_headerLongerThanMessage_keepsBytes() {
    byte[] part = {0x09, 0x00, 0x03};

    Parsed parsed = UserData.parse(UserData.UDHI, part);

    assertThat(parsed.concat()).isNull();
    assertThat(parsed.payload()).isEqualTo(part);
  }

  @Test
  void decode_dataCodings_readAsTheirCharsets() {
    assertThat(UserData.decode((byte) 0x03, "café".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo("café");
    assertThat(UserData.decode((byte) 0x18, "é".getBytes(StandardCharsets.UTF_16BE)))
        .isEqualTo("é");
    assertThat(UserData.decode((byte) 0xF0, new byte[] {0x48, 0x1B, 0x65})).isEqualTo("H€");
    assertThat(UserData.label((byte) 0x08)).isEqualTo("UCS-2");
    assertThat(UserData.label((byte) 0x00)).isEqualTo("GSM-7");
  }

  private static String joined(Encoded encoded) {
    List<byte[]> payloads = new ArrayList<>();
    for (byte[] part : encoded.parts()) {
      payloads.add(UserData.parse(encoded.esmClass(), part).payload());
    }
    return UserData.decode(encoded.dataCoding(), UserData.join(payloads));
  }
}
