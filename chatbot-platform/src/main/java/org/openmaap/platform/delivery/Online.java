package org.openmaap.platform.delivery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The devices connected now, and which bot each message id on a device's link came from. */
public final class Online {

  /** What a device supports when it connected or was provisioned without a feature list. */
  public static final List<String> DEFAULT_FEATURES =
      List.of("chatbot", "richcard", "carousel", "geolocationPush", "fileTransfer");

  /**
   * How many message ids a connection remembers for the device's reports; the oldest go first, so
   * a long-lived connection does not grow without bound (a report on a message older than that
   * many others is answered as unknown).
   */
  static final int REMEMBERED_MESSAGES = 10_000;

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** A device's link and the messages written to it (msgId to botId). */
  record Session(DeviceLink link, Map<String, String> botByMsgId) {}

  /** Makes {@code link} the device's current connection (a newer connection replaces an older). */
  void connect(String msisdn, DeviceLink link) {
    sessions.put(msisdn, new Session(link, Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_MESSAGES;
          }
        })));
  }

  /** Forgets the device's connection if {@code link} is still it. */
  void disconnect(String msisdn, DeviceLink link) {
    sessions.computeIfPresent(msisdn, (k, session) -> session.link() == link ? null : session);
  }

  Optional<Session> session(String msisdn) {
    return Optional.ofNullable(sessions.get(msisdn));
  }

  /** Whether the device has a connection now. */
  public boolean isConnected(String msisdn) {
    return sessions.containsKey(msisdn);
  }

  /** How many devices are connected (for health and metrics). */
  public int count() {
    return sessions.size();
  }
}
