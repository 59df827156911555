package org.openmaap.platform.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The northbound API a chatbot is written against (DIALECTS.md): the GSMA Chatbot API of API.md,
 * China Telecom / China Unicom's JSON interface, or China Mobile's OMA NetAPI XML. Its requests,
 * answers and notifications are in that dialect; everything below the edge is the same.
 */
public enum Dialect {
  GSMA,
  CTCU,
  CMCC;

  /** The dialect's name in registrations. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dialect a registration names, if it is one this platform speaks. */
  public static Optional<Dialect> of(String apiName) {
    return Arrays.stream(values()).filter(d -> d.apiName().equals(apiName)).findFirst();
  }
}
