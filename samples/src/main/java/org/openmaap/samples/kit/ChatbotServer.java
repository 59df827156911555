package org.openmaap.samples.kit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A chatbot's own HTTP server: {@code POST /webhook} for the platform's events, and
 * {@code GET /files/{name}} for files the chatbot hosts itself.
 */
public final class ChatbotServer {

  /** Webhook events are small; a larger body is not from the platform. */
  static final long MAX_EVENT_BYTES = 1024 * 1024;

  private record Hosted(String contentType, Buffer bytes) {}

  private final Router router;
  private final HttpServer server;
  private final String host;
  private final Map<String, Hosted> files = new ConcurrentHashMap<>();

  private ChatbotServer(Router router, HttpServer server, String host) {
    this.router = router;
    this.server = server;
    this.host = host;
  }

  /** Listens on {@code host} and {@code port} (0: any free one); events wait for {@link #serve}. */
  public static Future<ChatbotServer> listen(Vertx vertx, String host, int port) {
    Router router = Router.router(vertx);
    ChatbotServer[] self = new ChatbotServer[1];
    router.get("/files/:name").handler(ctx -> {
      Hosted file = self[0].files.get(ctx.pathParam("name"));
      if (file == null) {
        ctx.fail(404);
        return;
      }
      ctx.response().putHeader("Content-Type", file.contentType()).end(file.bytes());
    });
    return vertx.createHttpServer().requestHandler(router).listen(port, host)
        .map(server -> self[0] = new ChatbotServer(router, server, host));
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

  /** Serves {@code bytes} at {@code /files/{name}} and answers the absolute URL. */
  public String host(String name, String contentType, Buffer bytes) {
    files.put(name, new Hosted(contentType, bytes));
    return url() + "/files/" + name;
  }

  /** Stops listening. */
  public Future<Void> close() {
    return server.close();
  }
}
