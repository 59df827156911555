package org.openmaap.samples.kit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook endpoint of a chatbot: accepts only events signed with the webhook secret and
 * stamped within a few minutes of now, hands each event id to the chatbot once, and acknowledges
 * when the chatbot is done (or asks for a redelivery when it failed).
 */
public final class WebhookReceiver implements Handler<RoutingContext> {

  /** How far the event's timestamp may be from this machine's clock; older requests are replays. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  /** A little longer than the platform retries an event (24 h by default). */
  static final Duration REMEMBER_EVENT_IDS = Duration.ofHours(25);
  static final long MAX_REMEMBERED_EVENT_IDS = 1_000_000;

  private static final Logger LOG = Logger.getLogger(WebhookReceiver.class.getName());

  private final byte[] secret;
  private final Chatbot chatbot;
  private final Clock clock;
  private final Duration tolerance;
  /** Event ids seen: false while the chatbot is at work on one, true once it is done. */
  private final Cache<String, Boolean> handled = Caffeine.newBuilder()
      .expireAfterWrite(REMEMBER_EVENT_IDS)
      .maximumSize(MAX_REMEMBERED_EVENT_IDS)
      .build();

  /** A receiver for events signed with {@code webhookSecret}, handled by {@code chatbot}. */
  public WebhookReceiver(String webhookSecret, Chatbot chatbot) {
    this(webhookSecret, chatbot, Clock.systemUTC(), DEFAULT_TOLERANCE);
  }

  /** A receiver with its own clock and timestamp tolerance. */
  public WebhookReceiver(String webhookSecret, Chatbot chatbot, Clock clock, Duration tolerance) {
    this.secret = webhookSecret.getBytes(StandardCharsets.UTF_8);
    this.chatbot = chatbot;
    this.clock = clock;
    this.tolerance = tolerance;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
    String eventId = ctx.request().getHeader("X-Maap-Event-Id");
    String timestamp = ctx.request().getHeader("X-Maap-Timestamp");
    String signature = ctx.request().getHeader("X-Maap-Signature");
    if (eventId == null || timestamp == null || signature == null) {
      refuse(ctx, 401, "a webhook carries X-Maap-Event-Id, X-Maap-Timestamp and X-Maap-Signature");
      return;
    }
    if (!signedWithOurSecret(timestamp, body.getBytes(), signature)) {
      refuse(ctx, 401, "X-Maap-Signature does not match this chatbot's webhook secret");
      return;
    }
    if (!recent(timestamp)) {
      refuse(ctx, 401, "X-Maap-Timestamp is more than " + tolerance.toSeconds()
          + " s away from now; a replay is refused");
      return;
    }
    Event event;
    try {
      event = Event.parse(eventId, body.getBytes());
    } catch (IOException e) {
      refuse(ctx, 400, "the event is not JSON: " + e.getMessage());
      return;
    }
    // The platform sends an event again when our answer was lost: do the work once, ack it again.
    Boolean done = handled.asMap().putIfAbsent(eventId, Boolean.FALSE);
    if (done != null) {
      if (done) {
        ctx.response().setStatusCode(200).end();
      } else {
        // Still at work on the first delivery (it outlived the platform's timeout): ask for
        // another try later rather than acknowledge work that may yet fail.
        refuse(ctx, 503, "event " + eventId + " is being handled");
      }
      return;
    }
    handOver(event)
        .onSuccess(ok -> {
          handled.put(eventId, Boolean.TRUE);
          ctx.response().setStatusCode(200).end();
        })
        .onFailure(e -> {
          handled.invalidate(eventId);
          LOG.log(Level.WARNING, "event " + eventId + " failed; the platform will retry it", e);
          refuse(ctx, 500, "the chatbot could not handle the event: " + e.getMessage());
        });
  }

  private Future<?> handOver(Event event) {
    try {
      return chatbot.on(event);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** Whether a comma-separated {@code v1=} value is HMAC-SHA256(secret, timestamp.body). */
  boolean signedWithOurSecret(String timestamp, byte[] body, String signature) {
    byte[] expected = ("v1=" + hmac(timestamp, body)).getBytes(StandardCharsets.US_ASCII);
    for (String value : signature.split(",")) {
      if (MessageDigest.isEqual(expected, value.trim().getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private boolean recent(String timestamp) {
    try {
      long seconds = Long.parseLong(timestamp.trim());
      return Math.abs(clock.instant().getEpochSecond() - seconds) <= tolerance.toSeconds();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private String hmac(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) '.');
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static void refuse(RoutingContext ctx, int status, String message) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("status", status)
            .put("message", message)).encode());
  }
}
