package org.openmaap.card.sms;

import org.openmaap.card.model.Postback;
import org.openmaap.card.model.Suggestion;

/** A numbered choice in a fallback SMS: answering {@code number} means tapping the suggestion. */
public record SmsChoice(int number, Suggestion suggestion) {

  /** The label shown after the number. */
  public String displayText() {
    return suggestion.displayText();
  }

  /** The chatbot's postback for this choice. */
  public Postback postback() {
    return suggestion.postback();
  }
}
