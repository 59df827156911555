package org.openmaap.platform.sms;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SMSC message ids this gateway was given, found again from the id a receipt prints. SMSCs
 * often answer submit_sm in hex and print receipts in decimal, or the other way round, and pad or
 * case hex differently; so an id is indexed as written and as the number the other base would show.
 * Which of those the SMSC does is learnt from the first receipt that matches only one way. Used from
 * one context only.
 */
final class SmscIds {
  // Oldest ids go first past this many keys (two or three per part): enough for the receipts of
  // some 150,000 recent parts; older receipts come with the id as the receipt printed it.
  private static final int MAX_KEYS = 400_000;
  private static final String SAME = "=";
  private static final String DECIMAL_OF_HEX = "d"; // the receipt prints a hex id in decimal
  private static final String HEX_OF_DECIMAL = "x"; // the receipt prints a decimal id in hex

  private final Map<String, String> index = new LinkedHashMap<>(1024, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > MAX_KEYS;
    }
  };
  private String learnt;

  /** Remembers an id submit_sm_resp gave. */
  void add(String submitted) {
    for (String key : keysOf(submitted)) {
      index.put(key, submitted);
    }
  }

  /** The id submit_sm_resp gave for the message a receipt names, or null if none is known. */
  String find(String receipted) {
    List<String> keys = lookups(receipted);
    if (learnt != null) {
      for (String key : keys) {
        if (key.startsWith(learnt) && index.containsKey(key)) {
          return index.get(key);
        }
      }
    }
    String found = null;
    String kind = null;
    int matches = 0;
    for (String key : keys) {
      String submitted = index.get(key);
      if (submitted != null && !submitted.equals(found)) {
        matches++;
        if (found == null) {
          found = submitted;
          kind = key.substring(0, 1);
        }
      }
    }
    if (matches == 1 && learnt == null) {
      learnt = kind;
    }
    return found;
  }

  private static List<String> keysOf(String submitted) {
    List<String> keys = new ArrayList<>(3);
    keys.add(SAME + normal(submitted));
    if (isHex(submitted)) {
      keys.add(DECIMAL_OF_HEX + new BigInteger(submitted, 16));
    }
    if (isDecimal(submitted)) {
      keys.add(HEX_OF_DECIMAL + new BigInteger(submitted).toString(16));
    }
    return keys;
  }

  private static List<String> lookups(String receipted) {
    List<String> keys = new ArrayList<>(3);
    keys.add(SAME + normal(receipted));
    if (isDecimal(receipted)) {
      keys.add(DECIMAL_OF_HEX + new BigInteger(receipted));
    }
    if (isHex(receipted)) {
      keys.add(HEX_OF_DECIMAL + new BigInteger(receipted, 16).toString(16));
    }
    return keys;
  }

  /** Case and leading zeros do not tell ids apart. */
  private static String normal(String id) {
    String lower = id.strip().toLowerCase(Locale.ROOT);
    int start = 0;
    while (start < lower.length() - 1 && lower.charAt(start) == '0') {
      start++;
    }
    return lower.substring(start);
  }

  private static boolean isDecimal(String id) {
    return !id.isEmpty() && id.length() <= 40 && id.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static boolean isHex(String id) {
    return !id.isEmpty() && id.length() <= 32 && id.chars().allMatch(c -> c >= '0' && c <= '9'
        || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
  }
}
