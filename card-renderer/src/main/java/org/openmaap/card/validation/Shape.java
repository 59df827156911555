package org.openmaap.card.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a JSON value must look like at one place in a document, checked into {@link Findings}. */
interface Shape {

  void check(JsonNode node, Pointer at, Findings out);

  /** How a value's JSON type reads in a message: "a string", "null", ... */
  static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> "something else";
    };
  }

  static void wrongType(JsonNode node, Pointer at, String expected, Findings out) {
    out.error(at, Code.WRONG_TYPE,
        at.name() + " must be " + expected + ", not " + describe(node));
  }

  /** A string of {@code min..max} code points, optionally of a format, optionally warned above. */
  record Text(int min, int max, int warnAbove, Format format) implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isTextual()) {
        wrongType(node, at, "a string", out);
        return;
      }
      String value = node.textValue();
      if (format != Format.PLAIN) {
        format.check(value, at, out);
        return;
      }
      int length = value.codePointCount(0, value.length());
      if (length < min) {
        out.error(at, Code.TOO_SHORT, value.isEmpty()
            ? at.name() + " is empty; it needs at least " + characters(min)
            : at.name() + " has " + characters(length) + "; it needs at least " + min);
      } else if (length > max) {
        out.error(at, Code.TOO_LONG,
            at.name() + " has " + characters(length) + "; the limit is " + max);
      } else if (length > warnAbove) {
        out.warning(at, Code.TOO_LONG, at.name() + " has " + characters(length)
            + "; some operators reject more than " + warnAbove);
      }
    }

    private static String characters(int n) {
      return n == 1 ? "1 character" : n + " characters";
    }
  }

  /** A display text: 1..25 code points, with a warning when its UTF-8 form exceeds 25 bytes. */
  record Label(int max) implements Shape {

    private static final Text TEXT = new Text(1, 25, Integer.MAX_VALUE, Format.PLAIN);

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      TEXT.check(node, at, out);
      if (node.isTextual() && node.textValue().length() <= max) {
        int bytes = utf8Length(node.textValue());
        if (bytes > max) {
          out.warning(at, Code.TOO_LONG, at.name() + " takes " + bytes
              + " bytes in UTF-8; some operators count bytes and reject more than " + max);
        }
      }
    }

    static int utf8Length(String s) {
      int bytes = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          bytes += 1;
        } else if (c < 0x800) {
          bytes += 2;
        } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 4;
          i++;
        } else {
          bytes += 3;
        }
      }
      return bytes;
    }
  }

  /** One of a closed set of strings. */
  record Choice(List<String> values) implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isTextual()) {
        wrongType(node, at, "a string", out);
      } else if (!values.contains(node.textValue())) {
        out.error(at, Code.BAD_VALUE, at.name() + " must be one of " + String.join(", ", values)
            + "; got '" + node.textValue() + "'");
      }
    }
  }

  /** A {@link Choice}, or an alias of one of its values, which is accepted with a warning. */
  record Aliased(Choice choice, Map<String, String> aliases) implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      String meant = node.isTextual() ? aliases.get(node.textValue()) : null;
      if (meant != null && choice.values().contains(meant)) {
        out.warning(at, Code.BAD_VALUE, at.name() + " '" + node.textValue() + "' is read as "
            + meant + "; send " + meant + ", the registered name");
      } else {
        choice.check(node, at, out);
      }
    }
  }

  /** A whole number in {@code min..max}; above max is {@code aboveMax} (out_of_range or too_large). */
  record Whole(long min, long max, Code aboveMax, long warnAbove) implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isNumber() || !node.canConvertToExactIntegral()) {
        wrongType(node, at, "a whole number", out);
        return;
      }
      BigInteger value = node.bigIntegerValue();
      if (value.compareTo(BigInteger.valueOf(min)) < 0) {
        out.error(at, Code.OUT_OF_RANGE, at.name() + " must be at least " + min + "; got " + value);
      } else if (value.compareTo(BigInteger.valueOf(max)) > 0) {
        out.error(at, aboveMax, at.name() + " is " + value + "; the limit is " + max);
      } else if (value.longValue() > warnAbove) {
        out.warning(at, Code.TOO_LARGE, at.name() + " is " + value
            + "; some clients reject more than " + warnAbove);
      }
    }
  }

  /** A finite number in {@code min..max}. */
  record Decimal(double min, double max) implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isNumber()) {
        wrongType(node, at, "a number", out);
        return;
      }
      double value = node.doubleValue();
      if (!(value >= min && value <= max)) {
        out.error(at, Code.OUT_OF_RANGE, at.name() + " must be between " + plain(min) + " and "
            + plain(max) + "; got " + node.asText());
      }
    }

    static String plain(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
  }

  /** A JSON boolean. */
  record Flag() implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isBoolean()) {
        wrongType(node, at, "true or false", out);
      }
    }
  }

  /** An array of {@code min..max} items of one shape, optionally warned above, optionally distinct. */
  record ListOf(Shape item, int min, int max, int warnAbove, boolean distinct) implements Shape {

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isArray()) {
        wrongType(node, at, "an array", out);
        return;
      }
      int size = node.size();
      if (size < min) {
        out.error(at, Code.TOO_FEW, at.name() + " has " + size + " item" + (size == 1 ? "" : "s")
            + "; it needs at least " + min);
      } else if (size > max) {
        out.error(at, Code.TOO_MANY, at.name() + " has " + size + " items; the limit is " + max);
      } else if (size > warnAbove) {
        out.warning(at, Code.TOO_MANY, at.name() + " has " + size
            + " items; some clients show at most " + warnAbove);
      }
      Set<JsonNode> seen = distinct ? new HashSet<>() : null;
      for (int i = 0; i < size; i++) {
        JsonNode element = node.get(i);
        Pointer elementAt = at.index(i);
        item.check(element, elementAt, out);
        if (distinct && !seen.add(element)) {
          out.error(elementAt, Code.BAD_VALUE, at.name() + " lists " + element + " twice");
        }
      }
    }
  }

  /** A JSON object with known members (anything else is unknown_field) and cross-member rules. */
  final class Obj implements Shape {

    private final Map<String, Shape> members = new LinkedHashMap<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final List<Rule> rules = new ArrayList<>();

    Obj required(String name, Shape shape) {
      members.put(name, shape);
      required.add(name);
      return this;
    }

    Obj optional(String name, Shape shape) {
      members.put(name, shape);
      return this;
    }

    Obj rule(Rule rule) {
      rules.add(rule);
      return this;
    }

    Shape member(String name) {
      return members.get(name);
    }

    Set<String> memberNames() {
      return members.keySet();
    }

    @Override
    public void check(JsonNode node, Pointer at, Findings out) {
      if (!node.isObject()) {
        wrongType(node, at, "an object", out);
        return;
      }
      ObjectNode present = null;
      for (var it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        Shape shape = members.get(member.getKey());
        Pointer memberAt = at.field(member.getKey());
        if (shape == null) {
          out.error(memberAt, Code.UNKNOWN_FIELD, unknown(member.getKey(), at));
        } else if (member.getValue().isNull()) {
          // CARDS.md: null on a member means it is absent; the rules below must see it so.
          present = present == null ? ((ObjectNode) node).objectNode().setAll((ObjectNode) node)
              : present;
          present.remove(member.getKey());
        } else {
          shape.check(member.getValue(), memberAt, out);
        }
      }
      JsonNode object = present == null ? node : present;
      for (String name : required) {
        if (!object.has(name)) {
          out.error(at.field(name), Code.REQUIRED, at.name() + " needs " + name
              + (node.has(name) ? " (null counts as absent)" : ""));
        }
      }
      for (Rule rule : rules) {
        rule.check(object, at, out);
      }
    }

    private String unknown(String name, Pointer at) {
      return members.isEmpty()
          ? at.name() + " takes no members; '" + name + "' is not allowed"
          : "'" + name + "' is not a member of " + at.name() + "; expected "
              + String.join(", ", members.keySet());
    }
  }

  /** A check across the members of one object, run after each member was checked on its own. */
  @FunctionalInterface
  interface Rule {
    void check(JsonNode object, Pointer at, Findings out);
  }
}
