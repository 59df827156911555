package org.openmaap.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmaap.platform.content.FilesSettings;
import org.openmaap.platform.sip.SipSettings;
import org.openmaap.platform.webhook.WebhookSettings;

/**
 * The platform's settings, read once at start (config file, then environment) and passed down by
 * constructors. A null admin or network token means "generate one" (see {@link Main}).
 */
public record PlatformConfig(
    int port,
    Path dataDir,
    String domain,
    String adminToken,
    String networkToken,
    int maxBodyBytes,
    Duration tokenTtl,
    Duration secretGracePeriod,
    int defaultRateLimitPerSecond,
    Duration storeTtl,
    Duration capabilityTtl,
    Duration negativeCapabilityTtl,
    Duration webhookTimeout,
    Duration webhookFirstRetry,
    Duration webhookMaxDelay,
    Duration webhookRetryWindow,
    int webhookMaxInFlightPerBot,
    SmsConfig sms,
    FilesSettings files,
    StoreConfig store,
    SipSettings sip) {

  public static final int DEFAULT_PORT = 8080;
  public static final Path DEFAULT_DATA_DIR = Path.of("data");
  public static final String DEFAULT_DOMAIN = "botplatform.local";
  public static final int DEFAULT_MAX_BODY_BYTES = 512 * 1024;
  public static final Duration DEFAULT_TOKEN_TTL = Duration.ofHours(1);
  public static final Duration DEFAULT_SECRET_GRACE_PERIOD = Duration.ofHours(24);
  public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 100;
  public static final Duration DEFAULT_STORE_TTL = Duration.ofHours(24);
  public static final Duration DEFAULT_CAPABILITY_TTL = Duration.ofHours(24);
  public static final Duration DEFAULT_NEGATIVE_CAPABILITY_TTL = Duration.ofMinutes(10);

  private static final Set<String> KEYS = Set.of("port", "dataDir", "domain", "adminToken",
      "networkToken", "maxBodyBytes", "tokenTtl", "secretGracePeriod", "defaultRateLimitPerSecond",
      "storeTtl", "capabilityTtl", "negativeCapabilityTtl", "webhookTimeout", "webhookFirstRetry",
      "webhookMaxDelay", "webhookRetryWindow", "webhookMaxInFlightPerBot", "sms",
      "files", "store", "sip");
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  public PlatformConfig {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
    }
    if (webhookMaxInFlightPerBot < 1) {
      throw new IllegalArgumentException("webhookMaxInFlightPerBot must be at least 1");
    }
    if (defaultRateLimitPerSecond < 1) {
      throw new IllegalArgumentException("defaultRateLimitPerSecond must be at least 1");
    }
    if (files == null) {
      throw new IllegalArgumentException("files settings must not be null");
    }
    if (store == null) {
      throw new IllegalArgumentException("store settings must not be null");
    }
    if (sip == null) {
      throw new IllegalArgumentException("sip settings must not be null");
    }
  }

  /** Every default; tokens are generated at start. */
  public static PlatformConfig defaults() {
    return new PlatformConfig(DEFAULT_PORT, DEFAULT_DATA_DIR, DEFAULT_DOMAIN, null, null,
        DEFAULT_MAX_BODY_BYTES, DEFAULT_TOKEN_TTL, DEFAULT_SECRET_GRACE_PERIOD,
        DEFAULT_RATE_LIMIT_PER_SECOND, DEFAULT_STORE_TTL, DEFAULT_CAPABILITY_TTL,
        DEFAULT_NEGATIVE_CAPABILITY_TTL, WebhookSettings.DEFAULT_TIMEOUT,
        WebhookSettings.DEFAULT_FIRST_RETRY, WebhookSettings.DEFAULT_MAX_DELAY,
        WebhookSettings.DEFAULT_RETRY_WINDOW, WebhookSettings.DEFAULT_MAX_IN_FLIGHT_PER_BOT,
        SmsConfig.defaults(), FilesSettings.defaults(), StoreConfig.defaults(),
        SipSettings.OFF);
  }

  /** The config file named by OPENMAAP_CONFIG (JSON or YAML), then OPENMAAP_* overrides. */
  public static PlatformConfig load(Map<String, String> env) throws IOException {
    PlatformConfig config = defaults();
    String file = env.get("OPENMAAP_CONFIG");
    if (file != null && !file.isBlank()) {
      config = config.with(read(Path.of(file)));
    }
    return config.withEnvironment(env);
  }

  /** This config with the members of a JSON or YAML settings object applied. */
  PlatformConfig with(JsonNode settings) {
    requireKnown(settings, "", KEYS);
    return new PlatformConfig(
        settings.has("port") ? integer(settings, "port") : port,
        settings.has("dataDir") ? Path.of(settings.get("dataDir").asText()) : dataDir,
        text(settings, "domain", domain),
        text(settings, "adminToken", adminToken),
        text(settings, "networkToken", networkToken),
        settings.has("maxBodyBytes") ? integer(settings, "maxBodyBytes") : maxBodyBytes,
        duration(settings, "tokenTtl", tokenTtl),
        duration(settings, "secretGracePeriod", secretGracePeriod),
        settings.has("defaultRateLimitPerSecond")
            ? integer(settings, "defaultRateLimitPerSecond") : defaultRateLimitPerSecond,
        duration(settings, "storeTtl", storeTtl),
        duration(settings, "capabilityTtl", capabilityTtl),
        duration(settings, "negativeCapabilityTtl", negativeCapabilityTtl),
        duration(settings, "webhookTimeout", webhookTimeout),
        duration(settings, "webhookFirstRetry", webhookFirstRetry),
        duration(settings, "webhookMaxDelay", webhookMaxDelay),
        duration(settings, "webhookRetryWindow", webhookRetryWindow),
        settings.has("webhookMaxInFlightPerBot")
            ? integer(settings, "webhookMaxInFlightPerBot") : webhookMaxInFlightPerBot,
        settings.has("sms") ? sms.with(settings.get("sms")) : sms,
        settings.has("files") ? FilesConfig.with(files, settings.get("files")) : files,
        settings.has("store") ? store.with(settings.get("store")) : store,
        settings.has("sip") ? SipConfig.with(sip, settings.get("sip")) : sip);
  }

  /**
   * This config with OPENMAAP_PORT, _DATA_DIR, _DOMAIN, _ADMIN_TOKEN, _NETWORK_TOKEN, the sms
   * block's variables, _PUBLIC_URL, _DATABASE_URL, _NODE_ID and _SIP_LISTEN applied.
   */
  PlatformConfig withEnvironment(Map<String, String> env) {
    int envPort = port;
    String portText = env.get("OPENMAAP_PORT");
    if (portText != null) {
      try {
        envPort = Integer.parseInt(portText.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("OPENMAAP_PORT must be a number, got '" + portText + "'");
      }
    }
    return new PlatformConfig(envPort,
        env.containsKey("OPENMAAP_DATA_DIR") ? Path.of(env.get("OPENMAAP_DATA_DIR")) : dataDir,
        env.getOrDefault("OPENMAAP_DOMAIN", domain),
        env.getOrDefault("OPENMAAP_ADMIN_TOKEN", adminToken),
        env.getOrDefault("OPENMAAP_NETWORK_TOKEN", networkToken),
        maxBodyBytes, tokenTtl, secretGracePeriod, defaultRateLimitPerSecond, storeTtl,
        capabilityTtl, negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, sms.withEnvironment(env),
        files.withEnvironment(env), store.withEnvironment(env),
        SipConfig.withEnvironment(sip, env));
  }

  /** This config with both tokens set. */
  public PlatformConfig withTokens(String admin, String network) {
    return new PlatformConfig(port, dataDir, domain, admin, network, maxBodyBytes, tokenTtl,
        secretGracePeriod, defaultRateLimitPerSecond, storeTtl, capabilityTtl,
        negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, sms, files, store, sip);
  }

  /** This config with other SMS settings (tests, the demo). */
  public PlatformConfig withSms(SmsConfig newSms) {
    return new PlatformConfig(port, dataDir, domain, adminToken, networkToken, maxBodyBytes,
        tokenTtl, secretGracePeriod, defaultRateLimitPerSecond, storeTtl, capabilityTtl,
        negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, newSms, files, store, sip);
  }

  /** This config on another port and data directory (tests, the demo). */
  public PlatformConfig withPortAndDataDir(int newPort, Path newDataDir) {
    return new PlatformConfig(newPort, newDataDir, domain, adminToken, networkToken, maxBodyBytes,
        tokenTtl, secretGracePeriod, defaultRateLimitPerSecond, storeTtl, capabilityTtl,
        negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, sms, files, store, sip);
  }

  /** This config with other content server settings (tests, the demo). */
  public PlatformConfig withFiles(FilesSettings newFiles) {
    return new PlatformConfig(port, dataDir, domain, adminToken, networkToken, maxBodyBytes,
        tokenTtl, secretGracePeriod, defaultRateLimitPerSecond, storeTtl, capabilityTtl,
        negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, sms, newFiles, store, sip);
  }

  /** This config with another store (the node id decided at start; tests: PostgreSQL). */
  public PlatformConfig withStore(StoreConfig newStore) {
    return new PlatformConfig(port, dataDir, domain, adminToken, networkToken, maxBodyBytes,
        tokenTtl, secretGracePeriod, defaultRateLimitPerSecond, storeTtl, capabilityTtl,
        negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, sms, files, newStore, sip);
  }

  /** This config with other SIP settings (tests, the demo). */
  public PlatformConfig withSip(SipSettings newSip) {
    return new PlatformConfig(port, dataDir, domain, adminToken, networkToken, maxBodyBytes,
        tokenTtl, secretGracePeriod, defaultRateLimitPerSecond, storeTtl, capabilityTtl,
        negativeCapabilityTtl, webhookTimeout, webhookFirstRetry, webhookMaxDelay,
        webhookRetryWindow, webhookMaxInFlightPerBot, sms, files, store, newSip);
  }

  private static final ObjectMapper JSON = new JsonMapper();
  private static final ObjectMapper YAML = new YAMLMapper();

  private static JsonNode read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("OPENMAAP_CONFIG names " + file + ", which is not a file");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    JsonNode tree = mapper.readTree(file.toFile());
    return tree == null ? JSON.createObjectNode() : tree;
  }

  /** Fails unless {@code settings} is an object whose members are all among {@code known}. */
  public static void requireKnown(JsonNode settings, String prefix, Set<String> known) {
    if (!settings.isObject()) {
      throw new IllegalArgumentException((prefix.isEmpty() ? "the config file" : prefix
          .substring(0, prefix.length() - 1) + " in the config file")
          + " must hold an object of settings");
    }
    for (Iterator<String> names = settings.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown setting '" + prefix + name + "' in the config "
            + "file; known settings: " + String.join(", ", known.stream().sorted().toList()));
      }
    }
  }

  /** The whole number {@code settings.name}, written as a number or as text. */
  public static long wholeNumber(JsonNode settings, String prefix, String name) {
    JsonNode value = settings.get(name);
    try {
      return value.isIntegralNumber() && value.canConvertToLong()
          ? value.longValue() : Long.parseLong(value.asText().trim());
    } catch (NumberFormatException e) {
      throw notWhole(prefix, name, value);
    }
  }

  /** {@link #wholeNumber}, which must also fit an int. */
  public static int integer(JsonNode settings, String prefix, String name) {
    long number = wholeNumber(settings, prefix, name);
    if ((int) number != number) {
      throw notWhole(prefix, name, settings.get(name));
    }
    return (int) number;
  }

  private static int integer(JsonNode settings, String name) {
    return integer(settings, "", name);
  }

  private static IllegalArgumentException notWhole(String prefix, String name, JsonNode value) {
    return new IllegalArgumentException(prefix + name + " must be a whole number, got '"
        + value.asText() + "'");
  }

  private static String text(JsonNode settings, String name, String fallback) {
    JsonNode value = settings.get(name);
    return value == null || value.isNull() || value.asText().isBlank() ? fallback : value.asText();
  }

  /** A duration as ISO-8601 (PT5S) or as a number and unit: 500ms, 5s, 10m, 24h, 7d. */
  public static Duration duration(JsonNode settings, String name, Duration fallback) {
    JsonNode value = settings.get(name);
    if (value == null) {
      return fallback;
    }
    String text = value.asText().trim();
    Matcher simple = SIMPLE_DURATION.matcher(text);
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be a duration such as 500ms, 5s, 10m, 24h "
          + "or PT5S, got '" + text + "'");
    }
  }
}
