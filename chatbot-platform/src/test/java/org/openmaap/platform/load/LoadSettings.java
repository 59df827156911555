package org.openmaap.platform.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one load run does: how many devices, at what rate (or as fast as the platform answers),
 * for how long, against which platform. Read once from the command line.
 */
record LoadSettings(
    URI url,
    String adminToken,
    String networkToken,
    int devices,
    int rate,
    int window,
    Duration warmup,
    Duration duration,
    long maxMessages,
    Duration timeout,
    double minCompletion,
    List<String> platformJvmArgs,
    boolean keepData,
    boolean quiet) {

  static final int DEFAULT_DEVICES = 200;
  static final int DEFAULT_RATE = 1000;
  /** A rate of 0 means closed loop: each device keeps {@code window} messages outstanding. */
  static final int MAX_RATE = 0;
  static final int DEFAULT_WINDOW = 2;
  static final Duration DEFAULT_WARMUP = Duration.ofSeconds(60);
  static final Duration DEFAULT_DURATION = Duration.ofSeconds(30);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final double DEFAULT_MIN_COMPLETION = 0.99;
  static final Duration LONGEST_RUN = Duration.ofHours(1);

  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

  static final String USAGE = """
      usage: tools/load.sh [options]
        --devices N          WebSocket devices to connect (default 200)
        --rate N|max         user messages a second, open loop (default 1000); max: closed loop,
                             each device keeps --window messages outstanding
        --window N           outstanding messages per device with --rate max (default 2)
        --warmup D           run this long before measuring (default 60s); an open-loop rate
                             ramps up from a tenth during its first half
        --duration D         measure this long, e.g. 30s (default 30s; at most 1h)
        --messages N         also stop measuring after N messages sent
        --timeout D          a round trip not done within this counts as a timeout (default 10s)
        --min-completion F   exit 1 when fewer than F of the sent messages complete (default 0.99)
        --url URL            drive a running platform on this host (localhost only) instead of
                             starting one; with --admin-token and --network-token, or
                             OPENMAAP_ADMIN_TOKEN and OPENMAAP_NETWORK_TOKEN
        --platform-jvm ARGS  JVM options for the platform it starts, e.g. "-Xmx2g"
        --keep-data          keep the started platform's data dir and log
        --quiet              no progress line each second
      """;

  LoadSettings {
    if (devices < 1) {
      throw new IllegalArgumentException("--devices must be at least 1, got " + devices);
    }
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must be positive or max, got " + rate);
    }
    if (window < 1) {
      throw new IllegalArgumentException("--window must be at least 1, got " + window);
    }
    if (duration.isZero() || duration.isNegative() || duration.compareTo(LONGEST_RUN) > 0) {
      throw new IllegalArgumentException("--duration must be more than 0 and at most 1h, got "
          + duration);
    }
    if (warmup.isNegative() || warmup.compareTo(LONGEST_RUN) > 0) {
      throw new IllegalArgumentException("--warmup must be between 0 and 1h, got " + warmup);
    }
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("--timeout must be more than 0, got " + timeout);
    }
    if (minCompletion < 0 || minCompletion > 1) {
      throw new IllegalArgumentException("--min-completion must be between 0 and 1, got "
          + minCompletion);
    }
    if (url != null) {
      if (!LOCAL_HOSTS.contains(String.valueOf(url.getHost()).toLowerCase(Locale.ROOT))
          || !"http".equals(url.getScheme())) {
        throw new IllegalArgumentException("--url must be http://localhost or http://127.0.0.1 "
            + "(the load tool never targets another host), got " + url);
      }
      if (adminToken == null || networkToken == null) {
        throw new IllegalArgumentException("--url needs --admin-token and --network-token "
            + "(or OPENMAAP_ADMIN_TOKEN and OPENMAAP_NETWORK_TOKEN)");
      }
    }
  }

  /** Whether this is a closed-loop, as-fast-as-it-answers run. */
  boolean max() {
    return rate == MAX_RATE;
  }

  /** The settings the command line names, with the environment's tokens as a fallback. */
  static LoadSettings parse(String[] args, Map<String, String> env) {
    URI url = null;
    String adminToken = env.get("OPENMAAP_ADMIN_TOKEN");
    String networkToken = env.get("OPENMAAP_NETWORK_TOKEN");
    int devices = DEFAULT_DEVICES;
    int rate = DEFAULT_RATE;
    int window = DEFAULT_WINDOW;
    Duration warmup = DEFAULT_WARMUP;
    Duration duration = DEFAULT_DURATION;
    long maxMessages = Long.MAX_VALUE;
    Duration timeout = DEFAULT_TIMEOUT;
    double minCompletion = DEFAULT_MIN_COMPLETION;
    List<String> platformJvmArgs = new ArrayList<>();
    boolean keepData = false;
    boolean quiet = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--keep-data" -> keepData = true;
        case "--quiet" -> quiet = true;
        case "--help", "-h" -> throw new IllegalArgumentException("");
        default -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("unknown option or missing value: " + option);
          }
          String value = args[++i];
          switch (option) {
            case "--url" -> url = URI.create(value);
            case "--admin-token" -> adminToken = value;
            case "--network-token" -> networkToken = value;
            case "--devices" -> devices = number(option, value);
            case "--rate" -> rate = "max".equals(value) ? MAX_RATE : number(option, value);
            case "--window" -> window = number(option, value);
            case "--warmup" -> warmup = duration(option, value);
            case "--duration" -> duration = duration(option, value);
            case "--messages" -> maxMessages = number(option, value);
            case "--timeout" -> timeout = duration(option, value);
            case "--min-completion" -> minCompletion = Double.parseDouble(value);
            case "--platform-jvm" -> platformJvmArgs = new ArrayList<>(
                Arrays.asList(value.trim().split("\\s+")));
            default -> throw new IllegalArgumentException("unknown option: " + option);
          }
        }
      }
    }
    platformJvmArgs.removeIf(String::isBlank);
    return new LoadSettings(url, adminToken, networkToken, devices, rate, window, warmup,
        duration, maxMessages, timeout, minCompletion, List.copyOf(platformJvmArgs), keepData,
        quiet);
  }

  /** These settings against a running platform. */
  LoadSettings at(URI newUrl, String admin, String network) {
    return new LoadSettings(newUrl, admin, network, devices, rate, window, warmup, duration,
        maxMessages, timeout, minCompletion, platformJvmArgs, keepData, quiet);
  }

  private static int number(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a whole number, got '" + value + "'");
    }
  }

  /** 500ms, 30s, 2m, 1h, or ISO-8601 (PT30S). */
  static Duration duration(String option, String value) {
    Matcher simple = SIMPLE_DURATION.matcher(value.trim());
    if (simple.matches()) {
      long amount = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        default -> Duration.ofHours(amount);
      };
    }
    try {
      return Duration.parse(value.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(option + " must be a duration such as 500ms, 30s or 2m, "
          + "got '" + value + "'");
    }
  }
}
