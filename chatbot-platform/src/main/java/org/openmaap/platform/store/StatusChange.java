package org.openmaap.platform.store;

import java.time.Instant;

/** One status a message went through: when, on which channel, and why (for failures). */
public record StatusChange(String status, String channel, String reason, Instant at) {}
