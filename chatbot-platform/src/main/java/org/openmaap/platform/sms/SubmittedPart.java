package org.openmaap.platform.sms;

import java.time.Instant;

/** A submit_sm as the embedded SMSC received and accepted it, for tests to inspect. */
record SubmittedPart(
    String messageId,
    long serial,
    String from,
    String to,
    byte esmClass,
    byte dataCoding,
    byte registeredDelivery,
    byte[] shortMessage,
    Instant receivedAt) {}
