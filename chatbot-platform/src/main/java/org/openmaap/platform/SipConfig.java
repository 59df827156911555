package org.openmaap.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.openmaap.platform.sip.SipSettings;

/** The config file's {@code sip} object and OPENMAAP_SIP_LISTEN, read onto the SIP settings. */
final class SipConfig {

  private static final Set<String> KEYS = Set.of("listen", "outboundProxy", "maxBodyBytes");

  private SipConfig() {}

  /** {@code base} with the members of the config file's {@code sip} object applied. */
  static SipSettings with(SipSettings base, JsonNode sip) {
    PlatformConfig.requireKnown(sip, "sip.", KEYS);
    SipSettings settings = base;
    if (sip.has("listen")) {
      settings = settings.withListen(sip.get("listen").isNull() ? null
          : sip.get("listen").asText());
    }
    if (sip.has("outboundProxy")) {
      settings = settings.withOutboundProxy(sip.get("outboundProxy").isNull() ? null
          : sip.get("outboundProxy").asText());
    }
    if (sip.has("maxBodyBytes")) {
      settings = settings.withMaxBodyBytes(PlatformConfig.integer(sip, "sip.", "maxBodyBytes"));
    }
    return settings;
  }

  /** {@code base} listening where OPENMAAP_SIP_LISTEN says, when it is set. */
  static SipSettings withEnvironment(SipSettings base, Map<String, String> env) {
    String listen = env.get("OPENMAAP_SIP_LISTEN");
    return listen == null ? base : base.withListen(listen);
  }
}
