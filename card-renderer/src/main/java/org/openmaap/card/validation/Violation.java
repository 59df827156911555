package org.openmaap.card.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One problem in a document: where (a JSON pointer into it as submitted), what, and how bad. */
@JsonPropertyOrder({"path", "code", "message", "severity"})
public record Violation(String path, Code code, String message, Severity severity) {

  /** Whether this violation makes the document invalid. */
  @JsonIgnore
  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
