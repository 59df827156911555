package org.openmaap.card.model;

/**
 * Who a message is for or from: a user's number, a chatbot's service URI, or FNW.11's
 * anonymised {@code chatId} of a user, which the platform hands out and accepts back.
 */
public record MessageContact(String userContact, String chatbotContact, String chatId) {

  /** A contact by number or service URI, without a chatId. */
  public MessageContact(String userContact, String chatbotContact) {
    this(userContact, chatbotContact, null);
  }
}
