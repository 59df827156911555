package org.openmaap.card.network;

import java.util.List;
import org.openmaap.card.validation.Violation;

/** A network form (FT-HTTP, push location XML or geo URI) that cannot be read or written. */
public final class NetworkFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  NetworkFormatException(String message) {
    this(message, List.of(), null);
  }

  NetworkFormatException(String message, Throwable cause) {
    this(message, List.of(), cause);
  }

  NetworkFormatException(String message, List<Violation> violations) {
    this(message, violations, null);
  }

  private NetworkFormatException(String message, List<Violation> violations, Throwable cause) {
    super(message, cause);
    this.violations = List.copyOf(violations);
  }

  /**
   * The validator's errors when the content parsed but breaks a rule of CARDS.md, with paths into
   * the content object (e.g. {@code /fileUrl}); empty when the form itself is malformed.
   */
  public List<Violation> violations() {
    return violations == null ? List.of() : violations;
  }

  /** A value for a message: as given when short, else its start, so a huge input stays out. */
  static String excerpt(String value) {
    return value.codePointCount(0, value.length()) <= 80
        ? value
        : value.substring(0, value.offsetByCodePoints(0, 77)) + "...";
  }
}
