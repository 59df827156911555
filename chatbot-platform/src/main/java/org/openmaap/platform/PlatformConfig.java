package org.openmaap.platform;

import java.nio.file.Path;
import java.util.Map;

/** The platform's settings, read once at start and passed down by constructors. */
public record PlatformConfig(int port, Path dataDir, String domain) {

  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final String DEFAULT_DOMAIN = "botplatform.local";

  public PlatformConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
  }

  /** The defaults, overridden by OPENMAAP_PORT, OPENMAAP_DATA_DIR and OPENMAAP_DOMAIN. */
  public static PlatformConfig fromEnvironment(Map<String, String> env) {
    return new PlatformConfig(
        port(env.getOrDefault("OPENMAAP_PORT", String.valueOf(DEFAULT_PORT))),
        Path.of(env.getOrDefault("OPENMAAP_DATA_DIR", DEFAULT_DATA_DIR.toString())),
        env.getOrDefault("OPENMAAP_DOMAIN", DEFAULT_DOMAIN));
  }

  private static int port(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OPENMAAP_PORT must be a number, got '" + value + "'");
    }
  }
}
