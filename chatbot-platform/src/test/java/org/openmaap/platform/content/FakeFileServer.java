package org.openmaap.platform.content;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server on this machine that a fileUrl points at: it serves files, redirects, and records
 * every request it gets (a refused fetch must leave it untouched).
 */
final class FakeFileServer implements AutoCloseable {

  /** What one path answers: a file with its type, or a redirect. */
  record Answer(int status, String contentType, Buffer body, String location) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private FakeFileServer(HttpServer server) {
    this.server = server;
  }

  /** A server listening on {@code host} (0.0.0.0 reaches it on every loopback address). */
  static FakeFileServer start(Vertx vertx, String host) {
    FakeFileServer[] fake = new FakeFileServer[1];
    HttpServer server = vertx.createHttpServer(new HttpServerOptions()).requestHandler(request -> {
      fake[0].requests.add(request.getHeader("Host") + " " + request.path());
      Answer answer = fake[0].answers.get(request.path());
      if (answer == null) {
        request.response().setStatusCode(404).end();
      } else if (answer.location() != null) {
        request.response().setStatusCode(answer.status())
            .putHeader("Location", answer.location()).end();
      } else {
        request.response().setStatusCode(answer.status())
            .putHeader("Content-Type", answer.contentType()).end(answer.body());
      }
    });
    fake[0] = new FakeFileServer(server);
    server.listen(0, host).await();
    return fake[0];
  }

  FakeFileServer serve(String path, String contentType, byte[] body) {
    answers.put(path, new Answer(200, contentType, Buffer.buffer(body), null));
    return this;
  }

  FakeFileServer redirect(String path, String location) {
    answers.put(path, new Answer(302, null, null, location));
    return this;
  }

  int port() {
    return server.actualPort();
  }

  /** "host path" of every request so far. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.close().await();
  }
}
