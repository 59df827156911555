package org.openmaap.platform.store;

import java.time.Instant;

/**
 * What the platform last sent by SMS to a user from one sender number: the chatbot and message of
 * the latest fallback SMS, and the pending choices of the latest one that had choices (null when
 * none), which an answer by number maps back to until {@code choicesUntil}.
 */
public record SmsContact(
    String userContact,
    String sender,
    String latestBotId,
    String latestMsgId,
    Instant latestAt,
    String choiceBotId,
    String choiceMsgId,
    String choicesJson,
    Instant choicesUntil) {}
