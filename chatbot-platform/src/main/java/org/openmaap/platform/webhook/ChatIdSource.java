package org.openmaap.platform.webhook;

/** Names a user to one chatbot by FNW.11's anonymised chatId. */
@FunctionalInterface
public interface ChatIdSource {

  /** The chatId of {@code user} for {@code botId}. */
  String chatId(String botId, String user);
}
