package org.openmaap.platform.store;

import java.time.Instant;

/**
 * One part of a user's concatenated SMS as it came: from {@code sender} to {@code recipient}, part
 * {@code sequence} (from 1) of {@code total} under the text's {@code reference}, its data_coding
 * and its text bytes (without the header).
 */
public record SmsMoPart(String sender, String recipient, int reference, int total, int sequence,
    int dataCoding, byte[] payload, Instant receivedAt) {}
