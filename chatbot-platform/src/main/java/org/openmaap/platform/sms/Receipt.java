package org.openmaap.platform.sms;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A delivery receipt: the SMSC message id it is about, its final state and error code. */
record Receipt(String id, String stat, String err) {

  private static final Pattern ID = Pattern.compile("(?i)(?:^|\\s)id:\\s*(\\S+)");
  private static final Pattern STAT = Pattern.compile("(?i)(?:^|\\s)stat:\\s*(\\S+)");
  private static final Pattern ERR = Pattern.compile("(?i)(?:^|\\s)err:\\s*(\\S+)");
  // message_state TLV values 0..9, named as receipts print them.
  private static final String[] STATES = {"SCHEDULED", "ENROUTE", "DELIVRD", "EXPIRED", "DELETED",
      "UNDELIV", "ACCEPTD", "UNKNOWN", "REJECTD", "SKIPPED"};

  /**
   * Reads a receipt: the id from receipted_message_id, else from the text's {@code id:}; the state
   * and error from the text, else from message_state and network_error_code. Null if no id.
   */
  static Receipt of(Delivered delivered) {
    // Receipt texts are ASCII whatever the data_coding says.
    String text = new String(delivered.shortMessage(), StandardCharsets.ISO_8859_1);
    String id = delivered.receiptedId();
    if (id == null || id.isBlank()) {
      id = find(ID, text);
    }
    if (id == null || id.isBlank()) {
      return null;
    }
    String stat = find(STAT, text);
    if (stat == null && delivered.messageState() != null) {
      int state = delivered.messageState();
      stat = state < STATES.length ? STATES[state] : "UNKNOWN";
    }
    String err = find(ERR, text);
    if (err == null) {
      err = delivered.networkError() == null ? "000"
          : String.format("%03d", delivered.networkError());
    }
    return new Receipt(id.strip(), stat == null ? "UNKNOWN" : stat.toUpperCase(Locale.ROOT), err);
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : null;
  }
}
