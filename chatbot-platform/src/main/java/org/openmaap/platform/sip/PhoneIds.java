package org.openmaap.platform.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The phone's own imdn.Message-ID of each user message the platform took, by the platform's
 * msgId: a read report to the phone must name the id the phone gave. The oldest are forgotten.
 */
final class PhoneIds {

  static final int REMEMBERED = 10_000;

  private final Map<String, String> ids = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
          return size() > REMEMBERED;
        }
      });

  void remember(String msgId, String phoneId) {
    if (phoneId != null) {
      ids.put(msgId, phoneId);
    }
  }

  /** The phone's id of message {@code msgId}, or the msgId itself when it gave none. */
  String phoneId(String msgId) {
    return ids.getOrDefault(msgId, msgId);
  }
}
