package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.failure.Invalid;

/**
 * Host names: the fetch judges every address a name resolves to and connects to the address it
 * judged. A resolver from a table stands in for DNS (names here resolve as a test says), the web
 * server is real.
 */
class SafeFetchTest {

  @TempDir
  Path dir;

  private Vertx vertx;
  private FakeFileServer server;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    server = FakeFileServer.start(vertx, "127.0.0.1");
    server.serve("/latte.jpg", "image/jpeg", Images.jpeg(32, 32));
  }

  @AfterEach
  void stop() {
    server.close();
    vertx.close().await();
  }

  @Test
  void nameResolvingToAnInternalAddress_isRefused_beforeAnyConnection() {
    SafeFetch fetch = fetch(false, Map.of("intranet.example", List.of("10.0.0.7"),
        "metadata.example", List.of("169.254.169.254"),
        "mixed.example", List.of("93.184.215.14", "127.0.0.1")));

    for (String host : List.of("intranet.example", "metadata.example", "mixed.example")) {
      assertThatThrownBy(() -> fetch.fetch("http://" + host + ":" + server.port() + "/latte.jpg",
          dir.resolve(host), 1_000_000).await())
          .as(host)
          .isInstanceOfSatisfying(Invalid.class, e -> assertThat(ApiError.of(e).code())
              .isEqualTo("blocked_url"));
      assertThat(dir.resolve(host)).doesNotExist();
    }
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void fetch_connectsToTheAddressItChecked_andSendsTheName() throws Exception {
    AtomicInteger lookups = new AtomicInteger();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    InetAddress internal = InetAddress.getByName("10.9.9.9");
    SafeFetch.Resolver once = host -> Future.succeededFuture(List.of(
        // A rebinding DNS server would answer differently the second time; nobody asks twice.
        lookups.incrementAndGet() == 1 ? loopback : internal));
    SafeFetch fetch = new SafeFetch(vertx, once,
        new AddressPolicy(false, List.of("127.0.0.1/32")), Duration.ofSeconds(10), 5);

    SafeFetch.Fetched fetched = fetch.fetch("http://cdn.example:" + server.port()
        + "/latte.jpg", dir.resolve("latte"), 1_000_000).await();

    assertThat(fetched.contentType()).isEqualTo("image/jpeg");
    assertThat(Files.readAllBytes(dir.resolve("latte"))).hasSize((int) fetched.size());
    assertThat(lookups).hasValue(1);
    assertThat(server.requests()).containsExactly("cdn.example:" + server.port() + " /latte.jpg");
    fetch.close();
  }

  @Test
  void fetch_slowerThanTheTimeout_isRefused() {
    vertx.createHttpServer().requestHandler(request -> { /* never answers */ })
        .listen(0, "127.0.0.1").compose(silent -> {
          SafeFetch fetch = fetch(true, Map.of());
          return fetch.fetch("http://127.0.0.1:" + silent.actualPort() + "/slow",
              dir.resolve("slow"), 1000);
        })
        .transform(done -> {
          assertThat(done.failed()).isTrue();
          assertThat(done.cause()).hasMessageContaining("did not finish within 1 s");
          return Future.succeededFuture();
        }).await();
    assertThat(dir.resolve("slow")).doesNotExist();
  }

  private SafeFetch fetch(boolean allowInternal, Map<String, List<String>> names) {
    SafeFetch.Resolver table = host -> {
      try {
        List<InetAddress> addresses = new java.util.ArrayList<>();
        for (String address : names.getOrDefault(host, List.of())) {
          addresses.add(InetAddress.getByName(address));
        }
        return Future.succeededFuture(addresses);
      } catch (UnknownHostException e) {
        return Future.failedFuture(e);
      }
    };
    return new SafeFetch(vertx, table, new AddressPolicy(allowInternal, List.of()),
        Duration.ofSeconds(1), 5);
  }
}
