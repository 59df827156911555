package org.openmaap.platform.sms;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;

/**
 * How the platform's ESME reaches its SMSC: where and as whom it binds, the sender address, how many
 * requests may be outstanding and how many submits a second, the enquire_link interval, the waits
 * before a rebind or a retried submit, the request timeout, and how long inbound SMS are remembered
 * to drop the SMSC's redeliveries.
 */
public record SmppSettings(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    String sourceAddress,
    int sourceTon,
    int sourceNpi,
    BindType bindType,
    int windowSize,
    int throughputPerSecond,
    Duration enquireLinkInterval,
    Duration backoffMin,
    Duration backoffMax,
    Duration requestTimeout,
    Duration redeliveryWindow) {

  /** The SMPP bind: transmitter only, receiver only, or both on one session. */
  public enum BindType { TRANSMITTER, RECEIVER, TRANSCEIVER }

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 2775;
  public static final String DEFAULT_SYSTEM_ID = "openmaap";
  public static final String DEFAULT_PASSWORD = "openmaap";
  public static final String DEFAULT_SYSTEM_TYPE = "";
  public static final String DEFAULT_SOURCE_ADDRESS = "10690000";
  public static final BindType DEFAULT_BIND_TYPE = BindType.TRANSCEIVER;
  public static final int DEFAULT_WINDOW_SIZE = 50;
  public static final int DEFAULT_THROUGHPUT_PER_SECOND = 100;
  public static final Duration DEFAULT_ENQUIRE_LINK_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_BACKOFF_MIN = Duration.ofSeconds(1);
  public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(1);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REDELIVERY_WINDOW = Duration.ofMinutes(2);

  public SmppSettings {
    requireText("host", host);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
    }
    // SMPP 3.4 C-Octet String limits, without the terminating NUL.
    requireLength("system id", systemId, 1, 15);
    requireLength("password", password, 0, 8);
    requireLength("system type", systemType, 0, 12);
    requireLength("source address", sourceAddress, 1, 20);
    try {
      TypeOfNumber.valueOf((byte) sourceTon);
      NumberingPlanIndicator.valueOf((byte) sourceNpi);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("source TON " + sourceTon + " / NPI " + sourceNpi
          + " is not a type of number and numbering plan of SMPP 3.4");
    }
    Objects.requireNonNull(bindType, "bind type must not be null");
    if (windowSize < 1) {
      throw new IllegalArgumentException("window size must be at least 1, got " + windowSize);
    }
    if (throughputPerSecond < 1) {
      throw new IllegalArgumentException(
          "throughput per second must be at least 1, got " + throughputPerSecond);
    }
    requirePositive("enquire_link interval", enquireLinkInterval);
    requirePositive("backoff min", backoffMin);
    requirePositive("backoff max", backoffMax);
    requirePositive("request timeout", requestTimeout);
    requirePositive("redelivery window", redeliveryWindow);
    if (backoffMax.compareTo(backoffMin) < 0) {
      throw new IllegalArgumentException("backoff max must not be shorter than backoff min, got "
          + backoffMax + " < " + backoffMin);
    }
  }

  /** The defaults: the demo's in-JVM SMSC on 127.0.0.1:2775, a window of 50, 100 submits/s. */
  public static SmppSettings defaults() {
    return new SmppSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SYSTEM_ID, DEFAULT_PASSWORD,
        DEFAULT_SYSTEM_TYPE, DEFAULT_SOURCE_ADDRESS, Address.of(DEFAULT_SOURCE_ADDRESS).ton(),
        Address.of(DEFAULT_SOURCE_ADDRESS).npi(), DEFAULT_BIND_TYPE, DEFAULT_WINDOW_SIZE,
        DEFAULT_THROUGHPUT_PER_SECOND, DEFAULT_ENQUIRE_LINK_INTERVAL, DEFAULT_BACKOFF_MIN,
        DEFAULT_BACKOFF_MAX, DEFAULT_REQUEST_TIMEOUT, DEFAULT_REDELIVERY_WINDOW);
  }

  /**
   * The defaults with OPENMAAP_SMSC_HOST, OPENMAAP_SMSC_PORT, OPENMAAP_SMSC_SYSTEM_ID,
   * OPENMAAP_SMSC_PASSWORD and OPENMAAP_SMS_SOURCE applied.
   */
  public static SmppSettings fromEnvironment(Map<String, String> env) {
    return defaults().withEnvironment(env);
  }

  /**
   * These settings with whichever of OPENMAAP_SMSC_HOST, OPENMAAP_SMSC_PORT,
   * OPENMAAP_SMSC_SYSTEM_ID, OPENMAAP_SMSC_PASSWORD and OPENMAAP_SMS_SOURCE are set applied; the
   * others keep their values (a sender address keeps its TON and NPI).
   */
  public SmppSettings withEnvironment(Map<String, String> env) {
    SmppSettings settings = this;
    String portText = env.get("OPENMAAP_SMSC_PORT");
    if (env.containsKey("OPENMAAP_SMSC_HOST") || portText != null) {
      int newPort = port;
      if (portText != null) {
        try {
          newPort = Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "OPENMAAP_SMSC_PORT must be a number, got '" + portText + "'");
        }
      }
      settings = settings.withServer(env.getOrDefault("OPENMAAP_SMSC_HOST", host), newPort);
    }
    if (env.containsKey("OPENMAAP_SMSC_SYSTEM_ID") || env.containsKey("OPENMAAP_SMSC_PASSWORD")) {
      settings = settings.withCredentials(env.getOrDefault("OPENMAAP_SMSC_SYSTEM_ID", systemId),
          env.getOrDefault("OPENMAAP_SMSC_PASSWORD", password));
    }
    if (env.containsKey("OPENMAAP_SMS_SOURCE")) {
      settings = settings.withSource(env.get("OPENMAAP_SMS_SOURCE"));
    }
    return settings;
  }

  /** These settings with another SMSC host and port. */
  public SmppSettings withServer(String host, int port) {
    return new SmppSettings(host, port, systemId, password, systemType, sourceAddress, sourceTon,
        sourceNpi, bindType, windowSize, throughputPerSecond, enquireLinkInterval, backoffMin,
        backoffMax, requestTimeout, redeliveryWindow);
  }

  /** These settings with another system_id and password. */
  public SmppSettings withCredentials(String systemId, String password) {
    return new SmppSettings(host, port, systemId, password, systemType, sourceAddress, sourceTon,
        sourceNpi, bindType, windowSize, throughputPerSecond, enquireLinkInterval, backoffMin,
        backoffMax, requestTimeout, redeliveryWindow);
  }

  /**
   * These settings with another sender address, its TON/NPI taken from its form: international for
   * {@code +digits}, unknown/ISDN for other digits, alphanumeric for the rest.
   */
  public SmppSettings withSource(String address) {
    Address source = Address.of(address);
    return new SmppSettings(host, port, systemId, password, systemType, source.value(),
        source.ton(), source.npi(), bindType, windowSize, throughputPerSecond,
        enquireLinkInterval, backoffMin, backoffMax, requestTimeout, redeliveryWindow);
  }

  /** These settings with another window size and throughput limit. */
  public SmppSettings withFlow(int windowSize, int throughputPerSecond) {
    return new SmppSettings(host, port, systemId, password, systemType, sourceAddress, sourceTon,
        sourceNpi, bindType, windowSize, throughputPerSecond, enquireLinkInterval, backoffMin,
        backoffMax, requestTimeout, redeliveryWindow);
  }

  /** These settings with other backoff bounds and request timeout. */
  public SmppSettings withTimings(Duration backoffMin, Duration backoffMax,
      Duration requestTimeout) {
    return new SmppSettings(host, port, systemId, password, systemType, sourceAddress, sourceTon,
        sourceNpi, bindType, windowSize, throughputPerSecond, enquireLinkInterval, backoffMin,
        backoffMax, requestTimeout, redeliveryWindow);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requireLength(String name, String value, int min, int max) {
    if (value == null || value.length() < min || value.length() > max) {
      throw new IllegalArgumentException(name + " must have " + min + " to " + max
          + " characters, got " + (value == null ? "none" : "'" + value + "'"));
    }
  }

  private static void requirePositive(String name, Duration value) {
    if (value == null || value.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + value);
    }
  }
}
