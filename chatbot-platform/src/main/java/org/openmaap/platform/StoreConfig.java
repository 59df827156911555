package org.openmaap.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmaap.platform.store.DatabaseUrl;

/**
 * Where the platform keeps its rows, and its name there: the embedded SQLite file in the data
 * directory (the default), or the PostgreSQL database at {@code database}, which several nodes may
 * share. {@code nodeId} names this node's claims on work; a node that starts again under the same
 * name takes its claims back at once, a new name waits for their leases to run out: {@code lease}
 * is how long a claim holds unless renewed, so how soon a dead node's work goes to the others.
 */
public record StoreConfig(DatabaseUrl database, int poolSize, String nodeId, Duration lease) {

  /** The embedded store's node: there is only one. */
  public static final String EMBEDDED_NODE = "embedded";
  public static final int DEFAULT_POOL_SIZE = 16;
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);

  private static final Set<String> KEYS = Set.of("url", "poolSize", "nodeId", "lease");
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  public StoreConfig {
    if (poolSize < 1) {
      throw new IllegalArgumentException("store.poolSize must be at least 1, got " + poolSize);
    }
    if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("store.lease must be at least 1 s, got " + lease);
    }
    if (nodeId != null && !NODE_ID.matcher(nodeId).matches()) {
      throw new IllegalArgumentException("the node id must be 1 to 64 letters, digits, '.', '_'"
          + " or '-', got '" + nodeId + "'");
    }
  }

  /** The embedded SQLite store. */
  public static StoreConfig defaults() {
    return new StoreConfig(null, DEFAULT_POOL_SIZE, null, DEFAULT_LEASE);
  }

  /** This config with the node id decided (generated once per start when none is set). */
  public StoreConfig withNodeId(String id) {
    return new StoreConfig(database, poolSize, id, lease);
  }

  /** True when the rows are in PostgreSQL. */
  public boolean postgresql() {
    return database != null;
  }

  /**
   * The node id configured, else the embedded store's one name, else (PostgreSQL) a new one for
   * this start: {@code node-} and 8 random hex digits.
   */
  public String nodeIdOrNew() {
    if (nodeId != null) {
      return nodeId;
    }
    if (!postgresql()) {
      return EMBEDDED_NODE;
    }
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return "node-" + HexFormat.of().formatHex(random);
  }

  /** This config with the members of the config file's {@code store} object applied. */
  StoreConfig with(JsonNode settings) {
    PlatformConfig.requireKnown(settings, "store.", KEYS);
    return new StoreConfig(
        settings.hasNonNull("url") ? url(settings.get("url").asText(), "store.url") : database,
        settings.has("poolSize") ? PlatformConfig.integer(settings, "store.", "poolSize")
            : poolSize,
        settings.hasNonNull("nodeId") ? settings.get("nodeId").asText() : nodeId,
        PlatformConfig.duration(settings, "lease", lease));
  }

  /** This config with OPENMAAP_DATABASE_URL and OPENMAAP_NODE_ID applied. */
  StoreConfig withEnvironment(Map<String, String> env) {
    String url = env.get("OPENMAAP_DATABASE_URL");
    String node = env.get("OPENMAAP_NODE_ID");
    return new StoreConfig(
        url != null && !url.isBlank() ? url(url, "OPENMAAP_DATABASE_URL") : database,
        poolSize,
        node != null && !node.isBlank() ? node.trim() : nodeId, lease);
  }

  private static DatabaseUrl url(String text, String where) {
    try {
      return DatabaseUrl.parse(text.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }
}
