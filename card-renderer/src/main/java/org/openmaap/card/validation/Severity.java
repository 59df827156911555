package org.openmaap.card.validation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An error makes a document invalid; a warning flags something some operators or clients reject. */
public enum Severity {
  @JsonProperty("error") ERROR,
  @JsonProperty("warning") WARNING
}
