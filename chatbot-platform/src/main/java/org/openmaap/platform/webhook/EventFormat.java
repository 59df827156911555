package org.openmaap.platform.webhook;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.openmaap.platform.delivery.BotEvent;

/**
 * A chatbot dialect's notifications (other than API.md's webhooks): the request that tells the
 * bot of an event, or none when the dialect has no notification for it (the event is then
 * settled unsent). Redeliveries, order and dead letters are the dispatcher's, as for webhooks.
 */
public interface EventFormat {

  /**
   * What must hold before the bot's notifications are sent (a CT/CU notify URL verified); a
   * failure fails the attempt, which is retried with the webhook backoff.
   */
  default Future<Void> ready(WebhookTargets.Target target) {
    return Future.succeededFuture();
  }

  /** The notification of {@code event} (stored as {@code eventId}) for the bot's target. */
  Optional<Request> render(BotEvent event, String eventId, WebhookTargets.Target target,
      Instant now);

  /** A POST: where to, its headers and its body. */
  record Request(String url, Map<String, String> headers, byte[] body) {

    public Request {
      headers = Map.copyOf(headers);
    }
  }
}
