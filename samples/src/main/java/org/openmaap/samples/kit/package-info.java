/**
 * A small kit for brand chatbots on OpenMaaP: a webhook server that checks signatures, timestamps
 * and redeliveries ({@link org.openmaap.samples.kit.ChatbotServer},
 * {@link org.openmaap.samples.kit.WebhookReceiver}), a Chatbot API client
 * ({@link org.openmaap.samples.kit.ChatbotClient}), and messages built on card-renderer's model
 * ({@link org.openmaap.samples.kit.Message}).
 *
 * <p>It reaches the platform only over its HTTP API, so a chatbot built on it runs anywhere.
 */
package org.openmaap.samples.kit;
