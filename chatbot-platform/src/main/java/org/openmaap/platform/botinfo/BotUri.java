package org.openmaap.platform.botinfo;

import java.util.Locale;
import java.util.Optional;
import org.openmaap.platform.registry.Chatbot;

/**
 * The botId a client's {@code id} names: the service URI {@code sip:botId@domain} (its user
 * part, whatever the domain, parameters or angle brackets around it) or the bare botId.
 */
final class BotUri {

  private BotUri() {}

  static Optional<String> botId(String id) {
    if (id == null) {
      return Optional.empty();
    }
    String uri = id.strip();
    if (uri.startsWith("<") && uri.endsWith(">")) {
      uri = uri.substring(1, uri.length() - 1);
    }
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.startsWith("sip:") || lower.startsWith("sips:")) {
      String rest = uri.substring(uri.indexOf(':') + 1);
      int at = rest.indexOf('@');
      if (at < 0) {
        return Optional.empty();
      }
      uri = rest.substring(0, at);
    }
    return Chatbot.isBotId(uri) ? Optional.of(uri) : Optional.empty();
  }
}
