package org.openmaap.platform.content;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Small JPEG previews of JPEG, PNG and GIF images (the first frame of a GIF): at most
 * {@value #MAX_EDGE} pixels a side and {@value #MAX_BYTES} bytes, the thumbnail limit of CARDS.md.
 * Blocking: run it on a worker thread.
 */
final class Thumbnails {

  static final String CONTENT_TYPE = "image/jpeg";
  static final int MAX_EDGE = 320;
  static final int MAX_BYTES = 200 * 1024;
  /** Larger images get no thumbnail: decoding them would cost too much time and memory. */
  static final long MAX_PIXELS = 100_000_000L;

  private static final float[] QUALITIES = {0.85f, 0.6f, 0.4f, 0.2f};

  private Thumbnails() {}

  /** The thumbnail's JPEG bytes, or empty when the image cannot be decoded or is too large. */
  static Optional<byte[]> of(Path image) throws IOException {
    BufferedImage decoded = decode(image);
    if (decoded == null) {
      return Optional.empty();
    }
    BufferedImage small = fit(decoded);
    for (float quality : QUALITIES) {
      byte[] jpeg = jpeg(small, quality);
      if (jpeg.length <= MAX_BYTES) {
        return Optional.of(jpeg);
      }
    }
    return Optional.empty();
  }

  private static BufferedImage decode(Path image) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(image.toFile())) {
      Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
      if (readers == null || !readers.hasNext()) {
        return null;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
          return null;
        }
        // Reading every n-th pixel keeps a huge photo's decode within a few megabytes.
        int step = (int) Math.max(1, Math.max(width, height) / (MAX_EDGE * 2L));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } catch (IOException | RuntimeException unreadable) {
        // Corrupt or exotic (CMYK JPEG, say): the file is still kept, without a thumbnail.
        return null;
      } finally {
        reader.dispose();
      }
    }
  }

  private static BufferedImage fit(BufferedImage image) {
    double scale = Math.min(1.0, (double) MAX_EDGE / Math.max(image.getWidth(),
        image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = small.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      // JPEG has no transparency: transparent pixels show as white, as on a chat background.
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return small;
  }

  private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(output);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
