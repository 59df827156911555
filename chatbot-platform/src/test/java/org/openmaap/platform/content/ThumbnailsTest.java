package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {

  @TempDir
  Path dir;

  @Test
  void of_tallGif_fitsTheBoxAndKeepsItsShape() throws IOException {
    byte[] thumbnail = Thumbnails.of(write("tall.gif", Images.gif(300, 900))).orElseThrow();

    BufferedImage image = Images.read(thumbnail);
    assertThat(image.getHeight()).isEqualTo(Thumbnails.MAX_EDGE);
    assertThat(image.getWidth()).isEqualTo(107);
    assertThat(ContentTypes.sniff(thumbnail)).contains("image/jpeg");
  }

  @Test
  void of_smallImage_isNotEnlarged() throws IOException {
    BufferedImage image = Images.read(Thumbnails.of(write("icon.png", Images.png(48, 32)))
        .orElseThrow());

    assertThat(image.getWidth()).isEqualTo(48);
    assertThat(image.getHeight()).isEqualTo(32);
  }

  @Test
  void of_largePhoto_staysUnderTheThumbnailLimit() throws IOException {
    byte[] thumbnail = Thumbnails.of(write("big.jpg", Images.jpeg(4000, 3000))).orElseThrow();

    assertThat(thumbnail.length).isLessThanOrEqualTo(Thumbnails.MAX_BYTES);
    assertThat(Images.read(thumbnail).getWidth()).isEqualTo(Thumbnails.MAX_EDGE);
  }

  @Test
  void of_brokenImage_hasNoThumbnail() throws IOException {
    byte[] png = Images.png(100, 100);
    byte[] truncated = java.util.Arrays.copyOf(png, 40);

    assertThat(Thumbnails.of(write("broken.png", truncated))).isEmpty();
    assertThat(Thumbnails.of(write("noise.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF,
        1, 2, 3}))).isEmpty();
  }

  @Test
  void of_imageClaimingBillionsOfPixels_isNotDecoded() throws IOException {
    assertThat(Thumbnails.of(write("bomb.png", pngHeader(100_000, 100_000)))).isEmpty();
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  /** A PNG whose header claims the size and whose pixel data never comes. */
  private static byte[] pngHeader(int width, int height) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
        .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(png, "IHDR", header.array());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] typeAndData = ByteBuffer.allocate(4 + data.length).put(type.getBytes()).put(data)
        .array();
    out.writeBytes(typeAndData);
    CRC32 crc = new CRC32();
    crc.update(typeAndData);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
