package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A campaign as stored: its message (RCSMessage content with placeholders), where it is in its
 * lifecycle ({@code status}), its pace, how many unique recipients it has and how many rows were
 * skipped as duplicates or invalid numbers when it was created, how many its sender has handed on
 * (or failed, or skipped), its sending window (JSON, null for
 * any time) and the last progress step its campaignStatus events told (-1: none yet).
 */
public record CampaignRow(
    String campaignId,
    String botId,
    String name,
    String messageJson,
    String status,
    int ratePerSecond,
    Instant startAt,
    int recipients,
    int skippedDuplicate,
    int skippedInvalid,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    int handedOn,
    String windowJson,
    int reportedStep) {}
