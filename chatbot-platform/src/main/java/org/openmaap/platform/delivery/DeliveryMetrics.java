package org.openmaap.platform.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts messages by direction, status and channel ({@code openmaap_messages_total}). */
public final class DeliveryMetrics {

  static final String MESSAGES = "openmaap.messages";

  private final MeterRegistry registry;

  public DeliveryMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A bot-to-user message reached {@code status} on {@code channel}. */
  public void toUser(String status, String channel) {
    count("bot_to_user", status, channel);
  }

  /** A user's message reached a bot's queue. */
  void toBot(String channel) {
    count("user_to_bot", Status.DELIVERED, channel);
  }

  private void count(String direction, String status, String channel) {
    Counter.builder(MESSAGES)
        .description("Messages by direction, status reached and channel")
        .tag("direction", direction)
        .tag("status", status)
        .tag("channel", channel)
        .register(registry)
        .increment();
  }
}
