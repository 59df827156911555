package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.failure.UnsupportedType;

class ContentTypesTest {

  private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] MP4 = {0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};

  @Test
  void decide_fileTypeFirst_thenTheTransferType_thenTheBytes_thenTheName() {
    assertThat(ContentTypes.decide("audio/mp4", "video/mp4", "a.mp4", MP4)).isEqualTo("audio/mp4");
    assertThat(ContentTypes.decide(null, "image/jpg", null, Images.jpeg(4, 4)))
        .isEqualTo("image/jpeg");
    assertThat(ContentTypes.decide(null, "application/octet-stream", "x.bin", PDF))
        .isEqualTo("application/pdf");
    assertThat(ContentTypes.decide(null, null, "contact.vcf", "BEGIN:VCARD".getBytes()))
        .isEqualTo("text/vcard");
    assertThat(ContentTypes.decide(null, "text/plain; charset=utf-8", null, "hello".getBytes()))
        .isEqualTo("text/plain");
  }

  @Test
  void decide_bytesThatContradictTheType_415() {
    assertThatThrownBy(() -> ContentTypes.decide("image/jpeg", null, null, Images.png(4, 4)))
        .isInstanceOfSatisfying(UnsupportedType.class, e -> {
          assertThat(ApiError.of(e).status()).isEqualTo(415);
          assertThat(e.getMessage()).contains("image/png");
        });
    assertThatThrownBy(() -> ContentTypes.decide("text/plain", null, null, PDF))
        .isInstanceOf(UnsupportedType.class);
  }

  @Test
  void decide_typesThePlatformDoesNotKeep_415() {
    assertThatThrownBy(() -> ContentTypes.decide("text/html", null, null, "<p>".getBytes()))
        .hasMessageContaining("text/html");
    assertThatThrownBy(() -> ContentTypes.decide("image/svg+xml", null, null, "<svg>".getBytes()))
        .isInstanceOf(UnsupportedType.class);
    assertThatThrownBy(() -> ContentTypes.decide(null, null, "blob", new byte[] {1, 2, 3}))
        .hasMessageContaining("fileType");
  }

  @Test
  void sniff_knowsTheSignatures() {
    assertThat(ContentTypes.sniff(Images.gif(4, 4))).contains("image/gif");
    assertThat(ContentTypes.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
        .contains("image/webp");
    assertThat(ContentTypes.sniff("OggS\0".getBytes())).contains("audio/ogg");
    assertThat(ContentTypes.sniff("#!AMR\n".getBytes())).contains("audio/amr");
    assertThat(ContentTypes.sniff(new byte[] {(byte) 0xFF, (byte) 0xFE, 'h', 0})).isEmpty();
    assertThat(ContentTypes.sniff("plain words".getBytes())).isEmpty();
  }
}
