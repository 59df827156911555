package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A registered chatbot as stored: its public profile as JSON text (name, webhookUrl, ...), its
 * client id, the hash of its client secret, and its webhook secrets (the previous one signs too
 * until {@code previousWebhookSecretUntil}).
 */
public record ChatbotRow(
    String botId,
    String profileJson,
    String clientId,
    String clientSecretHash,
    String webhookSecret,
    String previousWebhookSecret,
    Instant previousWebhookSecretUntil,
    long tokenGeneration,
    Instant createdAt) {}
