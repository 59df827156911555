package org.openmaap.platform.store;

import java.time.Instant;

/** The conversation of one user with one chatbot; {@code created} is true on first contact. */
public record ConversationRow(
    String botId, String userContact, String conversationId, Instant createdAt, boolean created) {}
