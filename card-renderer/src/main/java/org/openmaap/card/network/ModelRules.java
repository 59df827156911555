package org.openmaap.card.network;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.card.validation.Violation;

/** Runs the card-renderer validator on content read from or written to a network form. */
final class ModelRules {

  private ModelRules() {}

  /**
   * Validates {@code content} as the RCSMessage member {@code member} exactly as the Chatbot API
   * would, failing with every error; {@code places} names where each JSON member sits in the
   * network form (e.g. fileUrl -> "file-info of type file, data url") so messages point there.
   */
  static void check(String member, Object content, Map<String, String> places) {
    String json = CardJson.write(Map.of("RCSMessage", Map.of(member, content)));
    Validation validation = Validator.validate(json);
    if (validation.valid()) {
      return;
    }
    String prefix = "/RCSMessage/" + member;
    List<Violation> errors = new ArrayList<>();
    for (Violation v : validation.errors()) {
      String path = v.path().startsWith(prefix) ? v.path().substring(prefix.length()) : v.path();
      errors.add(new Violation(path, v.code(), v.message(), v.severity()));
    }
    String message = errors.stream()
        .map(v -> places.getOrDefault(firstToken(v.path()), member) + ": " + v.message())
        .collect(Collectors.joining("; "));
    throw new NetworkFormatException(message, errors);
  }

  /**
   * Fails unless {@code value} is an ISO-8601 date-time with an offset, the rule the validator
   * applies to every date-time of CARDS.md; for values the model has no member for.
   */
  static void checkDateTime(String value, String place) {
    try {
      OffsetDateTime.parse(value);
    } catch (DateTimeException e) {
      throw new NetworkFormatException(place + " must be an ISO-8601 date-time with an offset, "
          + "such as 2026-12-01T08:00:00Z; got '"
          + NetworkFormatException.excerpt(value) + "'");
    }
  }

  private static String firstToken(String path) {
    int end = path.indexOf('/', 1);
    return end < 0 ? path.substring(Math.min(1, path.length())) : path.substring(1, end);
  }
}
