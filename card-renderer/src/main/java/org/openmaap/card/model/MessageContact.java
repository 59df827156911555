package org.openmaap.card.model;

/** Who a message is for or from: a user's number, or a chatbot's service URI. */
public record MessageContact(String userContact, String chatbotContact) {}
