package org.openmaap.platform.sip;

/**
 * The SIP interface: where it listens on UDP and TCP ({@code host} null when it is off), the
 * outbound proxy that requests to phones go through (null: straight to the registered contact),
 * and the largest message body taken from a phone (a bigger one is answered 513).
 */
public record SipSettings(String host, int port, String outboundProxy, int maxBodyBytes) {

  /** RFC 3261's port for SIP over UDP and TCP. */
  public static final int DEFAULT_PORT = 5060;
  /** SIP.md's limit on a MESSAGE body: larger content goes by FT-HTTP (or MSRP, later). */
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** No SIP interface: the platform reaches devices by WebSocket (and SMS) only. */
  public static final SipSettings OFF =
      new SipSettings(null, DEFAULT_PORT, null, DEFAULT_MAX_BODY_BYTES);

  public SipSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("sip port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("sip.maxBodyBytes must be at least 1024, got "
          + maxBodyBytes);
    }
  }

  /** The interface listening on {@code listen}, "host:port" (port 0: any free port). */
  public static SipSettings listening(String listen) {
    return OFF.withListen(listen);
  }

  /** Whether the platform opens a SIP interface. */
  public boolean enabled() {
    return host != null;
  }

  /** These settings listening on {@code listen}, "host:port"; null or blank turns SIP off. */
  public SipSettings withListen(String listen) {
    if (listen == null || listen.isBlank()) {
      return new SipSettings(null, port, outboundProxy, maxBodyBytes);
    }
    String text = listen.trim();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || text.endsWith("]")) {
      return new SipSettings(text, DEFAULT_PORT, outboundProxy, maxBodyBytes);
    }
    try {
      return new SipSettings(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)),
          outboundProxy, maxBodyBytes);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sip.listen must be host:port such as 127.0.0.1:5060, "
          + "got '" + listen + "'");
    }
  }

  /** These settings with requests to phones sent through {@code proxy} (a sip: URI). */
  public SipSettings withOutboundProxy(String proxy) {
    return new SipSettings(host, port, proxy == null || proxy.isBlank() ? null : proxy.trim(),
        maxBodyBytes);
  }

  /** These settings with another body limit. */
  public SipSettings withMaxBodyBytes(int bytes) {
    return new SipSettings(host, port, outboundProxy, bytes);
  }
}
