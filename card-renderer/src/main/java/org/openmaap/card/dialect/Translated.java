package org.openmaap.card.dialect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.card.validation.Violation;

/**
 * A dialect's request read into GSMA content, validated as a GSMA message, every violation pointed
 * at what the bot sent: {@code origins} names, per RCSMessage member, where in the request it came
 * from.
 */
final class Translated {

  /** Members the dialect rewrote (a file's infos, a location's text): pointed at as a whole. */
  private static final Set<String> REWRITTEN = Set.of("fileMessage", "geolocationPushMessage");

  private Translated() {}

  /**
   * {@code {"RCSMessage": rcs}} as a validation: the reading's {@code violations} when there are
   * any, else the GSMA validator's, relocated into the request.
   */
  static Validation validate(ObjectNode rcs, Map<String, String> origins,
      List<Violation> violations) {
    ObjectNode document = JsonNodeFactory.instance.objectNode().set("RCSMessage", rcs);
    if (!violations.isEmpty()) {
      return new Validation(violations, document);
    }
    Validation gsma = Validator.validateTree(document);
    gsma.violations().forEach(v -> violations.add(relocate(v, origins)));
    return new Validation(violations, gsma.tree());
  }

  private static Violation relocate(Violation violation, Map<String, String> origins) {
    String path = violation.path();
    for (Map.Entry<String, String> origin : origins.entrySet()) {
      String member = "/RCSMessage/" + origin.getKey();
      if (path.equals(member) || path.startsWith(member + "/")) {
        // A card's and a chip list's JSON is the bot's own, as is a setting's value.
        String rest = REWRITTEN.contains(origin.getKey()) ? "" : path.substring(member.length());
        return new Violation(origin.getValue() + rest, violation.code(), violation.message(),
            violation.severity());
      }
    }
    return violation;
  }
}
