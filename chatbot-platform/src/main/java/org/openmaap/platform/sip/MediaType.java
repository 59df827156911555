package org.openmaap.platform.sip;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A Content-Type value: the type/subtype in lower case and its parameters, unquoted. */
record MediaType(String type, Map<String, String> params) {

  static final String TEXT = "text/plain";
  static final String CPIM = "message/cpim";
  static final String MULTIPART = "multipart/mixed";
  static final String IMDN = "message/imdn+xml";
  static final String IS_COMPOSING = "application/im-iscomposing+xml";
  static final String BOT_MESSAGE = "application/vnd.gsma.botmessage.v1.0+json";
  static final String BOT_SUGGESTION = "application/vnd.gsma.botsuggestion.v1.0+json";
  static final String SUGGESTION_RESPONSE =
      "application/vnd.gsma.botsuggestion.response.v1.0+json";
  static final String REVOKE = "application/vnd.gsma.rcsrevoke+xml";

  /** Reads {@code text}; fails with 415 when it has no type/subtype. */
  static MediaType parse(String text) {
    if (text == null || text.isBlank()) {
      throw new Refused(415, "Unsupported Media Type: the content has no Content-Type");
    }
    String[] pieces = text.split(";");
    String type = pieces[0].trim().toLowerCase(Locale.ROOT);
    if (!type.matches("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+")) {
      throw new Refused(415, "Unsupported Media Type: '" + pieces[0].trim()
          + "' is not a type/subtype");
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < pieces.length; i++) {
      int equals = pieces[i].indexOf('=');
      if (equals > 0) {
        String value = pieces[i].substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        params.put(pieces[i].substring(0, equals).trim().toLowerCase(Locale.ROOT), value);
      }
    }
    return new MediaType(type, Map.copyOf(params));
  }

  boolean is(String other) {
    return type.equals(other);
  }

  String param(String name) {
    return params.get(name);
  }
}
