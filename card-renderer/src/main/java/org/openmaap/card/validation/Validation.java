package org.openmaap.card.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.Document;

/**
 * The outcome of validating one document: its violations and, when it parsed, its JSON tree as
 * read: without null members, and with a bare string messageContact as {@code {"userContact"}}.
 */
public record Validation(List<Violation> violations, JsonNode tree) {

  /** Whether the document has no error (warnings allowed). */
  public boolean valid() {
    return violations.stream().noneMatch(Violation::isError);
  }

  /** The errors only. */
  public List<Violation> errors() {
    return violations.stream().filter(Violation::isError).toList();
  }

  /** The document as the model, for a valid document only. */
  public Document document() {
    if (!valid()) {
      throw new IllegalStateException(
          "the document is not valid: " + errors().get(0).message());
    }
    return CardJson.toDocument(tree);
  }
}
