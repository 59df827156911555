package org.openmaap.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The shared test data, copied from ../shared/fixtures into src/test/resources/fixtures. */
public final class Fixtures {

  public static final List<String> VALID_CARDS = List.of(
      "carousel.json", "file.json", "geolocation.json", "single-card.json", "text-with-chips.json");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  public static JsonNode json(String path) {
    try {
      return JSON.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture's file on disk (for CLI tests). */
  public static Path file(String path) {
    return Path.of("src/test/resources/fixtures", path).toAbsolutePath();
  }
}
