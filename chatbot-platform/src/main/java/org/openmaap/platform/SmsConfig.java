package org.openmaap.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openmaap.platform.fallback.FallbackSettings;
import org.openmaap.platform.sms.SmppSettings;

/**
 * The SMS side: which SMSC the platform binds to (an external one, the in-JVM one it starts
 * itself, or none: then nothing falls back), the SMPP session, and the fallback policy's timings.
 */
public record SmsConfig(Mode mode, SmppSettings smpp, FallbackSettings fallback) {

  /** Where SMS go. */
  public enum Mode {
    /** The SMSC at {@code smpp}'s host and port. */
    EXTERNAL,
    /** An SMSC started inside the platform on 127.0.0.1 (demo, tests, a laptop). */
    EMBEDDED,
    /** No SMS: undelivered messages fail as they would without fallback. */
    OFF
  }

  /** The default: no external SMSC configured, so the platform runs its own. */
  public static final Mode DEFAULT_MODE = Mode.EMBEDDED;

  private static final Set<String> KEYS = Set.of("mode", "host", "port", "systemId", "password",
      "source", "windowSize", "throughputPerSecond", "fallbackTimeout", "revokeWait",
      "choicesTtl");

  public static SmsConfig defaults() {
    return new SmsConfig(DEFAULT_MODE, SmppSettings.defaults(), FallbackSettings.defaults());
  }

  /** This config with the members of the config file's {@code sms} object applied. */
  SmsConfig with(JsonNode settings) {
    PlatformConfig.requireKnown(settings, "sms.", KEYS);
    SmppSettings s = smpp;
    if (settings.has("host") || settings.has("port")) {
      s = s.withServer(text(settings, "host", s.host()),
          settings.has("port") ? number(settings, "port") : s.port());
    }
    s = s.withCredentials(text(settings, "systemId", s.systemId()),
        text(settings, "password", s.password()));
    if (settings.hasNonNull("source")) {
      s = s.withSource(settings.get("source").asText());
    }
    s = s.withFlow(settings.has("windowSize") ? number(settings, "windowSize") : s.windowSize(),
        settings.has("throughputPerSecond")
            ? number(settings, "throughputPerSecond") : s.throughputPerSecond());
    Mode chosen = settings.has("mode") ? mode(settings.get("mode").asText())
        : settings.has("host") ? Mode.EXTERNAL : mode;
    return new SmsConfig(chosen, s, new FallbackSettings(
        PlatformConfig.duration(settings, "fallbackTimeout", fallback.timeout()),
        PlatformConfig.duration(settings, "revokeWait", fallback.revokeWait()),
        PlatformConfig.duration(settings, "choicesTtl", fallback.choicesTtl())));
  }

  /**
   * This config with OPENMAAP_SMSC_HOST (which makes the SMSC external), _PORT, _SYSTEM_ID,
   * _PASSWORD, OPENMAAP_SMS_SOURCE and OPENMAAP_SMS_MODE (external, embedded or off) applied.
   */
  SmsConfig withEnvironment(Map<String, String> env) {
    Mode chosen = env.containsKey("OPENMAAP_SMS_MODE") ? mode(env.get("OPENMAAP_SMS_MODE"))
        : env.containsKey("OPENMAAP_SMSC_HOST") ? Mode.EXTERNAL : mode;
    return new SmsConfig(chosen, smpp.withEnvironment(env), fallback);
  }

  /** This config with another fallback timeout and revoke wait (tests, the demo). */
  public SmsConfig withTimings(Duration timeout, Duration revokeWait) {
    return new SmsConfig(mode, smpp,
        new FallbackSettings(timeout, revokeWait, fallback.choicesTtl()));
  }

  /** This config with another mode. */
  public SmsConfig withMode(Mode newMode) {
    return new SmsConfig(newMode, smpp, fallback);
  }

  private static int number(JsonNode settings, String name) {
    return PlatformConfig.integer(settings, "sms.", name);
  }

  private static Mode mode(String text) {
    try {
      return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the SMS mode must be external, embedded or off, got '"
          + text + "'");
    }
  }

  private static String text(JsonNode settings, String name, String fallback) {
    JsonNode value = settings.get(name);
    return value == null || value.isNull() ? fallback : value.asText();
  }

}
