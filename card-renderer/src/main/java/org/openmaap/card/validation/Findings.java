package org.openmaap.card.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one validation run. */
final class Findings {

  private final List<Violation> violations = new ArrayList<>();

  void error(Pointer at, Code code, String message) {
    violations.add(new Violation(at.toString(), code, message, Severity.ERROR));
  }

  void warning(Pointer at, Code code, String message) {
    violations.add(new Violation(at.toString(), code, message, Severity.WARNING));
  }

  List<Violation> list() {
    return List.copyOf(violations);
  }
}
