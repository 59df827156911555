package org.openmaap.platform.sms;

/** An SMPP address with its type of number and numbering plan, read from how it is written. */
record Address(String value, int ton, int npi) {
  static final int TON_UNKNOWN = 0;
  static final int TON_INTERNATIONAL = 1;
  static final int TON_ALPHANUMERIC = 5;
  static final int NPI_UNKNOWN = 0;
  static final int NPI_ISDN = 1;

  /** {@code +8613800000000} is international E.164, {@code 10690000} a national or short number. */
  static Address of(String written) {
    if (written == null || written.isBlank()) {
      throw new IllegalArgumentException("an address must not be blank");
    }
    String address = written.strip();
    if (address.startsWith("+") && digits(address.substring(1))) {
      return new Address(address.substring(1), TON_INTERNATIONAL, NPI_ISDN);
    }
    if (digits(address)) {
      return new Address(address, TON_UNKNOWN, NPI_ISDN);
    }
    return new Address(address, TON_ALPHANUMERIC, NPI_UNKNOWN);
  }

  /** How an address received with {@code ton} is shown: E.164 with its plus when international. */
  static String display(byte ton, String address) {
    if (ton == TON_INTERNATIONAL && !address.startsWith("+") && digits(address)) {
      return "+" + address;
    }
    return address;
  }

  /** How this address is shown. */
  String display() {
    return display((byte) ton, value);
  }

  private static boolean digits(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
  }
}
