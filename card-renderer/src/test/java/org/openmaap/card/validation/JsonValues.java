package org.openmaap.card.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** JSON equality as a chatbot developer means it: same members, same values, numbers by value. */
final class JsonValues {

  private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  };

  private JsonValues() {}

  static boolean same(JsonNode a, JsonNode b) {
    return a.equals(NUMBERS_BY_VALUE, b);
  }
}
