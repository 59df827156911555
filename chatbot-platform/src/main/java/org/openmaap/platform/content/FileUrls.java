package org.openmaap.platform.content;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where files are served: {@code <public URL>/files/v1/<fileId>} and its {@code /thumbnail}. A
 * file id is 192 random bits, so a file's URL is its only key and cannot be guessed.
 */
public final class FileUrls {

  static final String PATH = "/files/v1/";
  static final String THUMBNAIL = "/thumbnail";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{32}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String configured;
  private volatile String base;

  /** URLs under {@code publicUrl}, or, when it is null, under the port the server listens on. */
  public FileUrls(String publicUrl) {
    this.configured = publicUrl;
    this.base = publicUrl;
  }

  /** The server listens on this port: without a public URL, files are linked on localhost. */
  public void listening(int port) {
    if (configured == null) {
      base = "http://localhost:" + port;
    }
  }

  String file(String fileId) {
    return base + PATH + fileId;
  }

  String thumbnail(String fileId) {
    return file(fileId) + THUMBNAIL;
  }

  /** The id of the platform file this URL names (not its thumbnail), if it names one. */
  Optional<String> fileIdOf(String url) {
    String prefix = base + PATH;
    if (url == null || !url.startsWith(prefix)) {
      return Optional.empty();
    }
    String id = url.substring(prefix.length());
    return isId(id) ? Optional.of(id) : Optional.empty();
  }

  static boolean isId(String text) {
    return text != null && ID.matcher(text).matches();
  }

  static String newId() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
