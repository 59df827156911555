package org.openmaap.platform.fallback;

import java.math.BigInteger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms an SMSC message id may take in a receipt that the gateway could not match (one after a
 * restart): as printed, without leading zeros, and read as hex printed in decimal or the reverse.
 */
final class SmscIdForms {
  private SmscIdForms() {}

  static List<String> of(String id) {
    String printed = id.strip();
    Set<String> forms = new LinkedHashSet<>();
    forms.add(printed);
    String trimmed = printed.replaceFirst("^0+(?=.)", "");
    forms.add(trimmed);
    if (!trimmed.isEmpty() && trimmed.length() <= 40
        && trimmed.chars().allMatch(Character::isDigit)) {
      forms.add(new BigInteger(trimmed).toString(16));
    }
    if (!trimmed.isEmpty() && trimmed.length() <= 32 && trimmed.matches("[0-9a-fA-F]+")) {
      forms.add(new BigInteger(trimmed, 16).toString());
    }
    return List.copyOf(forms);
  }
}
