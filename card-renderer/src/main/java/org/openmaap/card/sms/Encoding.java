package org.openmaap.card.sms;

/** The character set an SMS travels in: the GSM 7-bit default alphabet, or UCS-2 for the rest. */
public enum Encoding {
  GSM_7("GSM-7", 160, 153),
  UCS_2("UCS-2", 70, 67);

  private final String label;
  final int singleUnits;
  // A concatenated segment gives up 6 octets to its user data header: 7 septets or 3 UTF-16 units.
  final int concatenatedUnits;

  Encoding(String label, int singleUnits, int concatenatedUnits) {
    this.label = label;
    this.singleUnits = singleUnits;
    this.concatenatedUnits = concatenatedUnits;
  }

  /** Returns the wire name, "GSM-7" or "UCS-2", as written in fixtures and JSON output. */
  public String label() {
    return label;
  }
}
