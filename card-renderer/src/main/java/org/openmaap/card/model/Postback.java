package org.openmaap.card.model;

/** Opaque data a chatbot attaches to a suggestion and gets back when it is tapped. */
public record Postback(String data) {}
