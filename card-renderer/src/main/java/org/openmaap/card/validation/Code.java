package org.openmaap.card.validation;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The violation codes of CARDS.md; written in JSON as their lower-case names. */
public enum Code {
  INVALID_JSON,
  REQUIRED,
  UNKNOWN_FIELD,
  WRONG_TYPE,
  BAD_VALUE,
  TOO_LONG,
  TOO_SHORT,
  TOO_MANY,
  TOO_FEW,
  OUT_OF_RANGE,
  BAD_URL,
  BAD_PHONE,
  BAD_DATETIME,
  ONE_OF,
  TOO_LARGE;

  /** The code as CARDS.md and API.md spell it, e.g. {@code too_long}. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
