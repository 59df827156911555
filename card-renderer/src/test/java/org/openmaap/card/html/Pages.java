package org.openmaap.card.html;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Standalone pages around a fragment, as the preview tool will serve them, for the browser. */
public final class Pages {

  /** The phone's screen: a 360 px column on a grey desk. */
  private static final String PAGE_CSS = "body{margin:0;background:#eceff1;}"
      + "#phone{width:360px;margin:20px;padding:14px 0;background:#fff;border-radius:28px;"
      + "box-shadow:0 2px 12px rgba(0,0,0,.15);overflow:hidden;}";

  private Pages() {}

  public static Path write(Path dir, String name, String fragment) {
    String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + name + "</title>"
        + "<style>" + PAGE_CSS + "\n" + HtmlPreview.stylesheet() + "</style></head><body>"
        + "<div id=\"phone\">" + fragment + "</div></body></html>";
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name + ".html"), page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
