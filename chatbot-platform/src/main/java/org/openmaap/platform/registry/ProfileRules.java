package org.openmaap.platform.registry;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Validator;
import org.openmaap.card.validation.Violation;

/** Checks an admin request's chatbot profile, returning violations as the card validator does. */
final class ProfileRules {

  static final Pattern BOT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
  private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");
  /** One @, something on each side, a dot in the domain: what a mail client would take. */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
  private static final Set<String> PROFILE = Set.of("name", "webhookUrl", "description", "iconUrl",
      "color", "website", "email", "address", "termsUrl", "verified", "verifiedBy",
      "persistentMenu", "smsSignature", "rateLimitPerSecond", "dialect", "signatureScheme",
      "number", "notifyFormat");
  private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{3,20}");
  private static final List<String> REQUIRED = List.of("name", "webhookUrl");
  private static final Set<String> URLS = Set.of("webhookUrl", "iconUrl", "website", "termsUrl");
  private static final Map<String, Integer> MAX_LENGTH = Map.of("name", 100, "description", 500,
      "smsSignature", 40, "email", 254, "address", 500, "verifiedBy", 100);

  private ProfileRules() {}

  /** Violations of a registration body: botId plus a complete profile. */
  static List<Violation> forCreate(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    Object botId = body.getValue("botId");
    if (botId == null) {
      violations.add(error("/botId", Code.REQUIRED, "botId is required"));
    } else if (!(botId instanceof String id) || !BOT_ID.matcher(id).matches()) {
      violations.add(error("/botId", Code.BAD_VALUE, "botId must match [a-z0-9][a-z0-9._-]{2,63}"
          + " (3 to 64 lower-case letters, digits, dots, dashes, underscores)"));
    }
    for (String required : REQUIRED) {
      if (body.getValue(required) == null) {
        violations.add(error("/" + required, Code.REQUIRED, required + " is required"));
      }
    }
    check(body, Set.of("botId"), violations);
    return violations;
  }

  /**
   * Violations of a PATCH body: any subset of the profile, no botId; null removes an optional
   * member (as in a JSON merge patch).
   */
  static List<Violation> forUpdate(JsonObject body) {
    List<Violation> violations = new ArrayList<>();
    if (body.containsKey("botId")) {
      violations.add(error("/botId", Code.BAD_VALUE, "botId cannot be changed"));
    }
    for (String required : REQUIRED) {
      if (body.containsKey(required) && body.getValue(required) == null) {
        violations.add(error("/" + required, Code.REQUIRED, required + " cannot be removed"));
      }
    }
    check(body, Set.of("botId"), violations);
    return violations;
  }

  private static void check(JsonObject body, Set<String> alsoAllowed, List<Violation> out) {
    for (Map.Entry<String, Object> member : body) {
      String name = member.getKey();
      Object value = member.getValue();
      String path = "/" + name;
      if (!PROFILE.contains(name)) {
        if (!alsoAllowed.contains(name)) {
          out.add(error(path, Code.UNKNOWN_FIELD, "'" + name + "' is not a chatbot setting; "
              + "expected botId, " + String.join(", ", PROFILE.stream().sorted().toList())));
        }
        continue;
      }
      if (value == null) {
        continue;
      }
      if (name.equals("persistentMenu")) {
        out.addAll(menuViolations(value, path));
        continue;
      }
      if (name.equals("verified")) {
        if (!(value instanceof Boolean)) {
          out.add(error(path, Code.WRONG_TYPE, "verified must be true or false"));
        }
        continue;
      }
      if (name.equals("rateLimitPerSecond")) {
        if (!(value instanceof Integer rate)) {
          out.add(error(path, Code.WRONG_TYPE, "rateLimitPerSecond must be a whole number"));
        } else if (rate < 1 || rate > 100_000) {
          out.add(error(path, Code.OUT_OF_RANGE, "rateLimitPerSecond must be 1 to 100000"));
        }
        continue;
      }
      if (!(value instanceof String text)) {
        out.add(error(path, Code.WRONG_TYPE, name + " must be a string"));
        continue;
      }
      if (name.equals("dialect")) {
        if (Dialect.of(text).isEmpty()) {
          out.add(error(path, Code.BAD_VALUE, "dialect must be gsma, ctcu or cmcc"));
        }
        continue;
      }
      if (name.equals("signatureScheme")) {
        if (!Set.of(Chatbot.SHA256, Chatbot.HMAC_SHA256).contains(text)) {
          out.add(error(path, Code.BAD_VALUE, "signatureScheme must be sha256 or hmac-sha256"));
        }
        continue;
      }
      if (name.equals("notifyFormat")) {
        if (!Set.of(Chatbot.XML, Chatbot.JSON).contains(text)) {
          out.add(error(path, Code.BAD_VALUE, "notifyFormat must be xml or json (how a CMCC"
              + " chatbot's notifications are written)"));
        }
        continue;
      }
      if (name.equals("number")) {
        if (!NUMBER.matcher(text).matches()) {
          out.add(error(path, Code.BAD_PHONE, "number must be a phone number: an optional +"
              + " and 3 to 20 digits"));
        }
        continue;
      }
      int max = MAX_LENGTH.getOrDefault(name, 2048);
      int length = text.codePointCount(0, text.length());
      if (length == 0) {
        out.add(error(path, Code.TOO_SHORT, name + " is empty"));
      } else if (length > max) {
        out.add(error(path, Code.TOO_LONG, name + " has " + length + " characters; the limit is "
            + max));
      } else if (URLS.contains(name) && !isHttpUrl(text)) {
        out.add(error(path, Code.BAD_URL, name + " must be an absolute http or https URL"));
      } else if (name.equals("email") && !EMAIL.matcher(text).matches()) {
        out.add(error(path, Code.BAD_VALUE, "email must be an address such as hello@example.com"));
      } else if (name.equals("color") && !COLOR.matcher(text).matches()) {
        out.add(error(path, Code.BAD_VALUE, "color must be #RRGGBB, such as #6F4E37"));
      }
    }
  }

  /**
   * Violations of a persistent menu, {@code {"menu": {"entries": [...]}}}, as the card validator
   * finds them, their paths under {@code at}.
   */
  static List<Violation> menuViolations(Object menu, String at) {
    if (!(menu instanceof JsonObject object)) {
      return List.of(error(at, Code.WRONG_TYPE,
          "persistentMenu must be an object: {\"menu\": {\"entries\": [...]}}"));
    }
    return Validator.validateMenu(object.toBuffer().getBytes()).errors().stream()
        .map(v -> new Violation(at + v.path(), v.code(), v.message(), v.severity()))
        .toList();
  }

  /**
   * The profile members as stored: nulls dropped (absent), the menu as the validator read it
   * (its null members dropped too). Only for a body without violations.
   */
  static JsonObject asStored(JsonObject members) {
    JsonObject stored = new JsonObject();
    for (Map.Entry<String, Object> member : members) {
      if (member.getValue() instanceof JsonObject menu && member.getKey().equals("persistentMenu")) {
        stored.put(member.getKey(), new JsonObject(
            Validator.validateMenu(menu.toBuffer().getBytes()).tree().toString()));
      } else if (member.getValue() != null) {
        stored.put(member.getKey(), member.getValue());
      }
    }
    return stored;
  }

  private static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static Violation error(String path, Code code, String message) {
    return new Violation(path, code, message, Severity.ERROR);
  }
}
