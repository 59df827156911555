package org.openmaap.platform.admin;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.TimeUnit;
import org.openmaap.platform.delivery.Online;
import org.openmaap.platform.webhook.WebhookCounters;

/** {@code GET /metrics}: Prometheus text of every meter, including webhook and device gauges. */
public final class MetricsEndpoint {

  private final PrometheusMeterRegistry registry;

  public MetricsEndpoint(PrometheusMeterRegistry registry, WebhookCounters webhooks,
      Online online) {
    this.registry = registry;
    FunctionCounter.builder("openmaap.webhook.delivered", webhooks, WebhookCounters::delivered)
        .description("Webhook events acknowledged by chatbots").register(registry);
    FunctionCounter.builder("openmaap.webhook.retries", webhooks, WebhookCounters::retried)
        .description("Webhook attempts that failed and were scheduled again").register(registry);
    FunctionCounter.builder("openmaap.webhook.dead", webhooks, WebhookCounters::dead)
        .description("Webhook events moved to dead letters").register(registry);
    FunctionTimer.builder("openmaap.webhook.latency", webhooks, WebhookCounters::delivered,
            c -> c.totalLatency().toNanos(), TimeUnit.NANOSECONDS)
        .description("Time from an event's creation to its acknowledgement").register(registry);
    Gauge.builder("openmaap.webhook.in.flight", webhooks,
            c -> c.inFlight().values().stream().mapToInt(Integer::intValue).sum())
        .description("Webhook requests waiting for an answer").register(registry);
    Gauge.builder("openmaap.devices.connected", online, Online::count)
        .description("Devices connected over WebSocket").register(registry);
  }

  public void scrape(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }
}
