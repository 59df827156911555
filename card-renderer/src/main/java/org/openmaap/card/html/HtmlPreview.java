package org.openmaap.card.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.openmaap.card.model.Document;
import org.openmaap.card.model.RcsMessage;

/** Renders rich content as the HTML a phone's messaging app would show, with its stylesheet. */
public final class HtmlPreview {

  private static final int INITIAL_CAPACITY = 4096;

  private HtmlPreview() {}

  /** The content of a document as one {@code <div class="omp-preview">} fragment. */
  public static String render(Document document) {
    StringBuilder out = new StringBuilder(INITIAL_CAPACITY);
    new Renderer(out).document(document);
    return out.toString();
  }

  /** The content of an RCSMessage, chips included, as one {@code <div class="omp-preview">}. */
  public static String render(RcsMessage message) {
    StringBuilder out = new StringBuilder(INITIAL_CAPACITY);
    new Renderer(out).message(message);
    return out.toString();
  }

  /** {@code text} escaped for HTML text or a quoted attribute, as every rendered string is. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    Html.text(out, text);
    return out.toString();
  }

  /** The CSS the fragments need, to put in a {@code <style>} element or serve as a file. */
  public static String stylesheet() {
    return Stylesheet.CSS;
  }

  /** Holds the stylesheet, read from the classpath once, on first use. */
  private static final class Stylesheet {

    static final String CSS = load("preview.css");

    private static String load(String name) {
      try (InputStream in = HtmlPreview.class.getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalStateException("stylesheet " + name + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
