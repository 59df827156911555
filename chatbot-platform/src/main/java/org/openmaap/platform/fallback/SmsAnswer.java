package org.openmaap.platform.fallback;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user's SMS means (SMS.md, answers by SMS), in the order the spec matches: a reserved
 * keyword, the number of a pending choice, the label of a pending choice, else free text.
 */
sealed interface SmsAnswer {

  /** STOP and its synonyms, START, HELP: never a choice. */
  record Keyword(Kind kind, String word) implements SmsAnswer {}

  /** A pending choice: the {@code reply} or {@code action} tapping it would have given. */
  record Choice(JsonObject tapped) implements SmsAnswer {}

  /** Anything else, passed on as the user wrote it. */
  record Text(String text) implements SmsAnswer {}

  /** What a keyword does. */
  enum Kind { OPT_OUT, OPT_IN, HELP }

  Map<String, Kind> KEYWORDS = Map.of(
      "STOP", Kind.OPT_OUT, "STOPALL", Kind.OPT_OUT, "UNSUBSCRIBE", Kind.OPT_OUT,
      "CANCEL", Kind.OPT_OUT, "END", Kind.OPT_OUT, "QUIT", Kind.OPT_OUT,
      "START", Kind.OPT_IN, "UNSTOP", Kind.OPT_IN,
      "HELP", Kind.HELP, "INFO", Kind.HELP);

  // "1", "1.", "1)", "#1", with spaces around; fullwidth forms are folded first.
  Pattern NUMBER = Pattern.compile("#?\\s*(\\d{1,3})\\s*[.)]?");

  /** Reads {@code text} against the pending choices ({@code [{number, displayText, tapped}]}). */
  static SmsAnswer read(String text, JsonArray choices) {
    // NFKC turns fullwidth digits, '#', '.' and ')' (and ideographic spaces) into ASCII.
    String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
    Kind kind = KEYWORDS.get(folded.toUpperCase(Locale.ROOT));
    if (kind != null) {
      return new Keyword(kind, folded.toUpperCase(Locale.ROOT));
    }
    if (choices != null) {
      Matcher number = NUMBER.matcher(folded);
      if (number.matches()) {
        int chosen = Integer.parseInt(number.group(1));
        for (int i = 0; i < choices.size(); i++) {
          JsonObject choice = choices.getJsonObject(i);
          if (choice.getInteger("number") == chosen) {
            return new Choice(choice.getJsonObject("tapped"));
          }
        }
      }
      for (int i = 0; i < choices.size(); i++) {
        JsonObject choice = choices.getJsonObject(i);
        String label = Normalizer.normalize(choice.getString("displayText"),
            Normalizer.Form.NFKC).strip();
        if (label.equalsIgnoreCase(folded)) {
          return new Choice(choice.getJsonObject("tapped"));
        }
      }
    }
    return new Text(text);
  }
}
