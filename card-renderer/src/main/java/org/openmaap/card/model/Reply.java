package org.openmaap.card.model;

/** A suggested reply: tapping it sends {@code displayText} and the postback to the chatbot. */
public record Reply(String displayText, Postback postback) implements Suggestion {}
