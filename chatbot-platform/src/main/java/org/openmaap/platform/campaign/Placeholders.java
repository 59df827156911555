package org.openmaap.platform.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code {{variable}}} placeholders in the strings of a message, found and filled. */
final class Placeholders {

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

  /** A recipient lacks the variable {@code name}. */
  static final class Missing extends Exception {
    Missing(String name) {
      super("no variable '" + name + "' for this recipient", null, false, false);
    }
  }

  private Placeholders() {}

  /** The names of the placeholders anywhere in {@code message}, sorted. */
  static Set<String> names(JsonObject message) {
    Set<String> names = new TreeSet<>();
    collect(message, names);
    return names;
  }

  private static void collect(Object node, Set<String> names) {
    if (node instanceof JsonObject object) {
      object.forEach(member -> collect(member.getValue(), names));
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> collect(item, names));
    } else if (node instanceof String text) {
      Matcher found = PLACEHOLDER.matcher(text);
      while (found.find()) {
        names.add(found.group(1));
      }
    }
  }

  /** A copy of {@code message} with every placeholder replaced by its variable's value. */
  static JsonObject fill(JsonObject message, Map<String, Object> vars) throws Missing {
    return (JsonObject) filled(message, vars);
  }

  private static Object filled(Object node, Map<String, Object> vars) throws Missing {
    if (node instanceof JsonObject object) {
      JsonObject copy = new JsonObject();
      for (Map.Entry<String, Object> member : object) {
        copy.put(member.getKey(), filled(member.getValue(), vars));
      }
      return copy;
    }
    if (node instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      for (Object item : array) {
        copy.add(filled(item, vars));
      }
      return copy;
    }
    if (node instanceof String text) {
      Matcher found = PLACEHOLDER.matcher(text);
      StringBuilder out = new StringBuilder();
      while (found.find()) {
        Object value = vars.get(found.group(1));
        if (value == null) {
          throw new Missing(found.group(1));
        }
        found.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
      }
      return found.appendTail(out).toString();
    }
    return node;
  }
}
