package org.openmaap.platform.content;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Test images drawn on the spot: a gradient with a disc, so that encoders have work to do. */
final class Images {

  private Images() {}

  static byte[] png(int width, int height) {
    return encode(draw(width, height, BufferedImage.TYPE_INT_ARGB), "png");
  }

  static byte[] jpeg(int width, int height) {
    return encode(draw(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
  }

  static byte[] gif(int width, int height) {
    return encode(draw(width, height, BufferedImage.TYPE_INT_RGB), "gif");
  }

  /** The decoded image, to check a thumbnail's size. */
  static BufferedImage read(byte[] bytes) {
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage draw(int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x6F4E37), width, height, new Color(0xF5DEB3)));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(0x2E8B57));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
