package org.openmaap.platform.content;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the content server keeps files: the URL devices fetch them from, the largest file, each
 * chatbot's quota, how long files are kept by default and at most, how {@code fileUrl} fetches are
 * bounded and which internal networks they may reach, how often expired files are swept, and the
 * directory their bytes are in (null: {@code files} in the data directory; the nodes of a cluster
 * name one they all reach).
 */
public record FilesSettings(
    String publicUrl,
    long maxFileBytes,
    long perBotQuotaBytes,
    Duration defaultUntil,
    Duration maxUntil,
    boolean allowPrivateFetch,
    List<String> allowedFetchNetworks,
    Duration fetchTimeout,
    int maxRedirects,
    Duration sweepInterval,
    Path directory) {

  /** No public URL configured: files are linked as {@code http://localhost:<port>}. */
  public static final String DEFAULT_PUBLIC_URL = null;
  /** CARDS.md: any media up to 100 MB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 100L * 1024 * 1024;
  public static final long DEFAULT_PER_BOT_QUOTA_BYTES = 1024L * 1024 * 1024;
  public static final Duration DEFAULT_UNTIL = Duration.ofDays(30);
  public static final Duration DEFAULT_MAX_UNTIL = Duration.ofDays(90);
  public static final boolean DEFAULT_ALLOW_PRIVATE_FETCH = false;
  public static final List<String> DEFAULT_ALLOWED_FETCH_NETWORKS = List.of();
  public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(30);
  public static final int DEFAULT_MAX_REDIRECTS = 5;
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);

  public FilesSettings {
    if (publicUrl != null) {
      publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1)
          : publicUrl;
      URI uri = URI.create(publicUrl);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException("files.publicUrl must be an absolute http(s) URL such "
            + "as https://rcs.example.com, got '" + publicUrl + "'");
      }
    }
    if (maxFileBytes < 1) {
      throw new IllegalArgumentException("files.maxFileBytes must be at least 1, got "
          + maxFileBytes);
    }
    if (perBotQuotaBytes < 1) {
      throw new IllegalArgumentException("files.perBotQuotaBytes must be at least 1, got "
          + perBotQuotaBytes);
    }
    requirePositive("files.defaultUntil", defaultUntil);
    requirePositive("files.maxUntil", maxUntil);
    if (defaultUntil.compareTo(maxUntil) > 0) {
      throw new IllegalArgumentException("files.defaultUntil must not be longer than "
          + "files.maxUntil, got " + defaultUntil + " > " + maxUntil);
    }
    allowedFetchNetworks = List.copyOf(allowedFetchNetworks);
    allowedFetchNetworks.forEach(Cidr::parse);
    requirePositive("files.fetchTimeout", fetchTimeout);
    if (maxRedirects < 0 || maxRedirects > 20) {
      throw new IllegalArgumentException("files.maxRedirects must be between 0 and 20, got "
          + maxRedirects);
    }
    requirePositive("files.sweepInterval", sweepInterval);
  }

  /** The defaults: 100 MB files, 1 GB a chatbot, kept 30 days, no fetches from inside. */
  public static FilesSettings defaults() {
    return new FilesSettings(DEFAULT_PUBLIC_URL, DEFAULT_MAX_FILE_BYTES,
        DEFAULT_PER_BOT_QUOTA_BYTES, DEFAULT_UNTIL, DEFAULT_MAX_UNTIL,
        DEFAULT_ALLOW_PRIVATE_FETCH, DEFAULT_ALLOWED_FETCH_NETWORKS, DEFAULT_FETCH_TIMEOUT,
        DEFAULT_MAX_REDIRECTS, DEFAULT_SWEEP_INTERVAL, null);
  }

  /** These settings with OPENMAAP_PUBLIC_URL and OPENMAAP_FILES_DIR applied. */
  public FilesSettings withEnvironment(Map<String, String> env) {
    String url = env.get("OPENMAAP_PUBLIC_URL");
    String dir = env.get("OPENMAAP_FILES_DIR");
    return new FilesSettings(url == null || url.isBlank() ? publicUrl : url, maxFileBytes,
        perBotQuotaBytes, defaultUntil, maxUntil, allowPrivateFetch, allowedFetchNetworks,
        fetchTimeout, maxRedirects, sweepInterval,
        dir == null || dir.isBlank() ? directory : Path.of(dir));
  }

  /** Where the bytes are: {@link #directory}, else {@code files} in {@code dataDir}. */
  public Path directoryIn(Path dataDir) {
    return directory != null ? directory : dataDir.resolve("files");
  }

  /** These settings allowing (or not) fetches from loopback, private and link-local addresses. */
  public FilesSettings withPrivateFetch(boolean allow) {
    return new FilesSettings(publicUrl, maxFileBytes, perBotQuotaBytes, defaultUntil, maxUntil,
        allow, allowedFetchNetworks, fetchTimeout, maxRedirects, sweepInterval, directory);
  }

  /** These settings letting fetches reach these networks (CIDR) even though they are internal. */
  public FilesSettings withAllowedFetchNetworks(List<String> networks) {
    return new FilesSettings(publicUrl, maxFileBytes, perBotQuotaBytes, defaultUntil, maxUntil,
        allowPrivateFetch, networks, fetchTimeout, maxRedirects, sweepInterval, directory);
  }

  /** These settings with another largest file and per-chatbot quota. */
  public FilesSettings withLimits(long maxFile, long perBotQuota) {
    return new FilesSettings(publicUrl, maxFile, perBotQuota, defaultUntil, maxUntil,
        allowPrivateFetch, allowedFetchNetworks, fetchTimeout, maxRedirects, sweepInterval, directory);
  }

  /** These settings sweeping expired files this often. */
  public FilesSettings withSweepInterval(Duration interval) {
    return new FilesSettings(publicUrl, maxFileBytes, perBotQuotaBytes, defaultUntil, maxUntil,
        allowPrivateFetch, allowedFetchNetworks, fetchTimeout, maxRedirects, interval,
        directory);
  }

  /** These settings keeping the bytes in {@code dir} (one the nodes of a cluster share). */
  public FilesSettings withDirectory(Path dir) {
    return new FilesSettings(publicUrl, maxFileBytes, perBotQuotaBytes, defaultUntil, maxUntil,
        allowPrivateFetch, allowedFetchNetworks, fetchTimeout, maxRedirects, sweepInterval, dir);
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
    }
  }
}
