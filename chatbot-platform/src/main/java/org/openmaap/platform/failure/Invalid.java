package org.openmaap.platform.failure;

import java.util.List;
import org.openmaap.card.validation.Violation;

/**
 * Input that breaks a rule; {@code code} says which ({@code bad_phone}, {@code invalid_message},
 * ...), and {@code violations} list each problem of a validated body (empty otherwise).
 */
public final class Invalid extends Refusal {

  private final String code;
  private final List<Violation> violations;

  public Invalid(String code, String message) {
    this(code, message, List.of());
  }

  public Invalid(String code, String message, List<Violation> violations) {
    super(message);
    this.code = code;
    this.violations = List.copyOf(violations);
  }

  public String code() {
    return code;
  }

  public List<Violation> violations() {
    return violations;
  }
}
