package org.openmaap.platform.webhook;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openmaap.platform.webhook.WebhookTargets.Target;

/** Makes one signed webhook request per attempt, each bot through a connection pool of its own. */
final class WebhookSender {

  static final String EVENT_ID = "X-Maap-Event-Id";
  static final String TIMESTAMP = "X-Maap-Timestamp";

  private final Vertx vertx;
  private final WebhookSettings settings;
  // Per bot, because Vert.x pools connections per host and port: bots sharing a host would
  // otherwise wait for each other's connections.
  private final Map<String, WebClient> clients = new HashMap<>();

  WebhookSender(Vertx vertx, WebhookSettings settings) {
    this.vertx = vertx;
    this.settings = settings;
  }

  /**
   * POSTs an event's body, byte for byte as signed, and answers the bot's response; fails on a
   * transport error or when no complete answer arrives within the timeout.
   */
  Future<Answer> post(Target target, String botId, String eventId, byte[] body, long timestamp) {
    return post(botId, new EventFormat.Request(target.webhookUrl(), Map.of(
        HttpHeaders.CONTENT_TYPE.toString(), "application/json",
        EVENT_ID, eventId,
        TIMESTAMP, Long.toString(timestamp),
        WebhookSignature.HEADER, WebhookSignature.sign(target.secrets(), timestamp, body)), body));
  }

  /** POSTs a request to the bot; fails as {@link #post(Target, String, String, byte[], long)}. */
  Future<Answer> post(String botId, EventFormat.Request request) {
    long timeout = settings.timeout().toMillis();
    return Future.<Void>succeededFuture()
        // compose, so that a malformed webhook URL fails this attempt instead of throwing
        .compose(v -> {
          var post = client(botId).postAbs(request.url()).timeout(timeout);
          request.headers().forEach(post::putHeader);
          return post.sendBuffer(Buffer.buffer(request.body()));
        })
        // The request's own timeout restarts whenever data arrives; this bounds the whole answer.
        .timeout(timeout, TimeUnit.MILLISECONDS)
        .map(Answer::of);
  }

  /** Closes every bot's connections. */
  void close() {
    clients.values().forEach(WebClient::close);
    clients.clear();
  }

  private WebClient client(String botId) {
    return clients.computeIfAbsent(botId, id -> WebClient.create(vertx,
        new WebClientOptions()
            .setUserAgent("OpenMaaP-Webhooks/1")
            // A redirect is an answer other than 2xx: retried, never followed to another host.
            .setFollowRedirects(false),
        new PoolOptions().setHttp1MaxSize(settings.maxInFlightPerBot())));
  }

  /** The bot's answer: its status and body. */
  record Answer(int status, Buffer body) {

    static Answer of(HttpResponse<Buffer> response) {
      return new Answer(response.statusCode(), response.body());
    }

    boolean acknowledged() {
      return status >= 200 && status < 300;
    }
  }
}
