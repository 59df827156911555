package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A suggested reply or a suggested action, shown as a button on a card or as a chip. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
  @JsonSubTypes.Type(value = Reply.class, name = "reply"),
  @JsonSubTypes.Type(value = Action.class, name = "action")
})
public sealed interface Suggestion permits Reply, Action {

  /** The label on the button, 1 to 25 characters. */
  String displayText();

  /** What the chatbot receives when the user taps it. */
  Postback postback();
}
