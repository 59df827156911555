package org.openmaap.samples.kit;

/** What a brand asks the operator to register: the chatbot's id, name, colour and pitch. */
public record Profile(String botId, String name, String color, String description) {}
