package org.openmaap.card.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Gsm7Test {

  @Test
  void encode_everyBmpChar_agreesWithCardRendererOnCharsetAndSeptets() {
    List<String> disagreements = new ArrayList<>();
    for (char c = 0; c < Character.MAX_VALUE; c++) {
      if (Character.isSurrogate(c)) {
        continue;
      }
      String text = String.valueOf(c);
      Segmentation segmentation = SmsSegments.split(text);
      String ours = "UCS-2";
      if (Gsm7.septets(c) > 0) {
        byte[] septets = Gsm7.encode(text);
        ours = septets.length == Gsm7.septets(c) && Gsm7.decode(septets, 0, septets.length)
            .equals(text) ? "GSM-7/" + septets.length : "GSM-7 but encodes wrong";
      }
      String theirs = segmentation.encoding() == Encoding.GSM_7
          ? "GSM-7/" + segmentation.units().get(0) : "UCS-2";
      if (!ours.equals(theirs)) {
        disagreements.add(String.format("U+%04X: %s vs %s", (int) c, ours, theirs));
      }
    }

    assertThat(disagreements).isEmpty();
  }

  @Test
  void encode_basicAndExtension_standardCodes() {
    assertThat(Gsm7.encode("@£$\n_ \u00E0")).containsExactly(0x00, 0x01, 0x02, 0x0A, 0x11, 0x20,
        0x7F);
    assertThat(Gsm7.encode("\f^{}\\[~]|€")).containsExactly(
        0x1B, 0x0A, 0x1B, 0x14, 0x1B, 0x28, 0x1B, 0x29, 0x1B, 0x2F,
        0x1B, 0x3C, 0x1B, 0x3D, 0x1B, 0x3E, 0x1B, 0x40, 0x1B, 0x65);
  }

  @Test
  void encode_ucs2Only_failsNamingTheChar() {
    assertThatThrownBy(() -> Gsm7.encode("ok 你"))
        .hasMessageContaining("U+4F60 at index 3 has no GSM-7 code");
  }

  @Test
  void decode_unknownEscape_readsAsBasicChar() {
    byte[] septets = {0x1B, 0x41, 0x1B, 0x1B, 0x42, 0x1B};

    assertThat(Gsm7.decode(septets, 0, septets.length)).isEqualTo("A B");
  }
}
