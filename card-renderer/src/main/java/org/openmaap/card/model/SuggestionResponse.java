package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** {@code {"response": ...}}: the suggestion a user tapped, as the chatbot receives it. */
public record SuggestionResponse(SuggestionResponse.Tapped response) implements Document {

  /** The tapped reply or action: its label and postback. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = TappedReply.class, name = "reply"),
    @JsonSubTypes.Type(value = TappedAction.class, name = "action")
  })
  public sealed interface Tapped permits TappedReply, TappedAction {

    /** The label the user saw. */
    String displayText();

    /** The chatbot's data for the suggestion. */
    Postback postback();
  }

  /** A tapped suggested reply. */
  public record TappedReply(String displayText, Postback postback) implements Tapped {}

  /** A tapped suggested action. */
  public record TappedAction(String displayText, Postback postback) implements Tapped {}

  /** The response a user gives by tapping {@code suggestion}. */
  public static SuggestionResponse to(Suggestion suggestion) {
    Tapped tapped = suggestion instanceof Reply
        ? new TappedReply(suggestion.displayText(), suggestion.postback())
        : new TappedAction(suggestion.displayText(), suggestion.postback());
    return new SuggestionResponse(tapped);
  }
}
