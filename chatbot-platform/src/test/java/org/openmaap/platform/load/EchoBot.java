package org.openmaap.platform.load;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.LongAdder;

/**
 * The chatbot of a load run: a webhook endpoint on 127.0.0.1 that answers each {@code message}
 * event with a synchronous reply of the same text, and acknowledges every other event.
 */
final class EchoBot extends VerticleBase {

  /** What the bot saw, shared by its instances. */
  static final class Counts {
    final LongAdder messages = new LongAdder();
    final LongAdder others = new LongAdder();
  }

  private final int port;
  private final Counts counts;
  private HttpServer server;

  EchoBot(int port, Counts counts) {
    this.port = port;
    this.counts = counts;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer()
        .requestHandler(this::handle)
        .listen(port, "127.0.0.1")
        .onSuccess(listening -> server = listening);
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      JsonObject event = new JsonObject(body);
      if ("message".equals(event.getString("event"))) {
        counts.messages.increment();
        String text = event.getJsonObject("RCSMessage").getString("textMessage");
        request.response().putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("RCSMessage", new JsonObject().put("textMessage", text))
                .toBuffer());
      } else {
        counts.others.increment();
        request.response().end();
      }
    }).onFailure(e -> request.response().setStatusCode(400).end());
  }

  int actualPort() {
    return server.actualPort();
  }
}
