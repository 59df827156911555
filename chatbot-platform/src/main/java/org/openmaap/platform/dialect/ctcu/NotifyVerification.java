package org.openmaap.platform.dialect.ctcu;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.registry.Dialect;

/**
 * The verification of a CT/CU chatbot's notify URL (DIALECTS.md): {@code GET {notifyURL}/notifyPath}
 * with the notification headers and an {@code echoStr}, which the chatbot answers with 200 and the
 * echoStr as the body. Run after registration and whenever the notify URL changes, on demand, and
 * before a notification while the URL is not verified; what it verified is kept with the
 * chatbot's profile, so every node and every restart knows it.
 */
public final class NotifyVerification {

  private final WebClient client;
  private final ChatbotRegistry registry;
  private final String domain;
  private final Clock clock;
  private final Duration timeout;
  // One verification at a time per chatbot and URL: the events waiting for it share it.
  private final Map<String, Future<Void>> running = new ConcurrentHashMap<>();

  public NotifyVerification(Vertx vertx, ChatbotRegistry registry, String domain, Clock clock,
      Duration timeout) {
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setUserAgent("OpenMaaP-Webhooks/1").setFollowRedirects(false));
    this.registry = registry;
    this.domain = domain;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Verifies the chatbot's notify URL unless it is verified already. */
  public Future<Void> ensure(Chatbot bot) {
    return bot.notifyVerified() ? Future.succeededFuture() : verify(bot);
  }

  /** A change of a chatbot on this node: a CT/CU one with an unverified notify URL is verified. */
  public void changed(String botId) {
    registry.find(botId).filter(bot -> bot.dialect() == Dialect.CTCU)
        .ifPresent(bot -> ensure(bot).onFailure(e -> { }));
  }

  /**
   * {@code POST /admin/v1/chatbots/{botId}/notify:verify}: verifies the notify URL now and answers
   * whether it passed (and why not).
   */
  public Future<JsonObject> verifyNow(RoutingContext ctx) {
    Chatbot bot = registry.require(ctx.pathParam("botId"));
    if (bot.dialect() != Dialect.CTCU) {
      throw new Invalid("bad_value", "chatbot '" + bot.botId() + "' is not a CT/CU chatbot:"
          + " only CT/CU notify URLs are verified");
    }
    return verify(bot).transform(done -> Future.succeededFuture(new JsonObject()
        .put("botId", bot.botId()).put("notifyUrl", bot.webhookUrl())
        .put("verified", done.succeeded())
        .put("error", done.succeeded() ? null : done.cause().getMessage())));
  }

  private Future<Void> verify(Chatbot bot) {
    String key = bot.botId() + '\n' + bot.webhookUrl();
    return running.computeIfAbsent(key, k -> request(bot)
        .andThen(done -> running.remove(key)));
  }

  private Future<Void> request(Chatbot bot) {
    String echo = UUID.randomUUID().toString();
    String timestamp = Long.toString(clock.instant().toEpochMilli());
    String nonce = UUID.randomUUID().toString();
    String token = registry.webhookSecrets(bot.botId()).stream().findFirst().orElse("");
    String url = bot.webhookUrl().replaceAll("/+$", "") + "/notifyPath";
    return Future.<Void>succeededFuture()
        .compose(v -> client.getAbs(url).timeout(timeout.toMillis())
            .putHeader("signature", CtcuSignature.of(bot.signatureScheme())
                .sign(token, timestamp, nonce))
            .putHeader("timestamp", timestamp)
            .putHeader("nonce", nonce)
            .putHeader("echoStr", echo)
            .putHeader("chatbotId", bot.serviceUri(domain))
            .putHeader("appId", bot.clientId())
            .send())
        .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .compose(answer -> {
          String body = answer.bodyAsString();
          if (answer.statusCode() != 200 || body == null || !echo.equals(body.trim())) {
            return Future.failedFuture(new IllegalStateException("the notify URL " + url
                + " answered " + answer.statusCode() + " without the echoStr"));
          }
          return registry.notifyVerified(bot.botId(), bot.webhookUrl()).mapEmpty();
        });
  }
}
