package org.openmaap.samples.kit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** A chatbot's own HTTP server: {@code POST /webhook} takes the platform's events. */
public final class ChatbotServer {

  /** Webhook events are small; a larger body is not from the platform. */
  static final long MAX_EVENT_BYTES = 1024 * 1024;

  private final Router router;
  private final HttpServer server;
  private final String host;

  private ChatbotServer(Router router, HttpServer server, String host) {
    this.router = router;
    this.server = server;
    this.host = host;
  }

  /** Listens on {@code host} and {@code port} (0: any free one); events wait for {@link #serve}. */
  public static Future<ChatbotServer> listen(Vertx vertx, String host, int port) {
    Router router = Router.router(vertx);
    return vertx.createHttpServer().requestHandler(router).listen(port, host)
        .map(server -> new ChatbotServer(router, server, host));
  }

  /** Hands the platform's events to {@code chatbot}, checked by a {@link WebhookReceiver}. */
  public void serve(String webhookSecret, Chatbot chatbot) {
    router.post("/webhook")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_EVENT_BYTES))
        .handler(new WebhookReceiver(webhookSecret, chatbot));
  }

  /** Where the platform sends events: register this URL for the chatbot. */
  public String webhookUrl() {
    return url() + "/webhook";
  }

  /** The server's base URL, e.g. {@code http://localhost:40123}. */
  public String url() {
    return "http://" + host + ":" + server.actualPort();
  }

  /** Stops listening. */
  public Future<Void> close() {
    return server.close();
  }
}
