package org.openmaap.platform.content;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.Refusal;

/**
 * Fetches a chatbot's {@code fileUrl} into a temporary file without letting the URL reach inside
 * the platform's network: http(s) only; the host name resolved here and every address checked
 * before connecting to the checked address itself (a DNS answer that changes between the check
 * and the connection changes nothing); every redirect checked the same way, and at most so many;
 * the body capped while it streams; the whole fetch bounded in time.
 */
final class SafeFetch {

  /** Resolves a host name to every address it has. */
  interface Resolver {
    Future<List<InetAddress>> resolve(String host);
  }

  /** What a fetch brought: the bytes' size, and the type and name the server gave, if any. */
  record Fetched(long size, String contentType, String fileName) {}

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[[0-9a-fA-F:.]+\\]");
  private static final int MAX_URL_LENGTH = 2048;

  private final Vertx vertx;
  private final HttpClient client;
  private final Resolver resolver;
  private final AddressPolicy policy;
  private final Duration timeout;
  private final int maxRedirects;

  SafeFetch(Vertx vertx, Resolver resolver, AddressPolicy policy, Duration timeout,
      int maxRedirects) {
    this.vertx = vertx;
    this.resolver = resolver;
    this.policy = policy;
    this.timeout = timeout;
    this.maxRedirects = maxRedirects;
    // No pooled connections: each fetch connects to the address it has just checked.
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false)
        .setForceSni(true).setVerifyHost(true)
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis())));
  }

  /** Resolves with the operating system's resolver, on a worker thread. */
  static Resolver systemResolver(Vertx vertx) {
    return host -> vertx.executeBlocking(() -> List.of(InetAddress.getAllByName(host)), false);
  }

  /**
   * Fetches {@code url} into {@code target} (created here); fails with Invalid for a URL it
   * refuses or cannot fetch, TooLarge when the body passes {@code maxBytes}.
   */
  Future<Fetched> fetch(String url, Path target, long maxBytes) {
    URI uri;
    try {
      uri = check(url);
    } catch (Invalid e) {
      return Future.failedFuture(e);
    }
    Attempt attempt = new Attempt(maxBytes);
    long timer = vertx.setTimer(timeout.toMillis(), id -> attempt.fail(fetchFailed(
        "fileUrl did not finish within " + timeout.toSeconds() + " s")));
    vertx.fileSystem().open(target.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
        .onSuccess(file -> {
          if (attempt.result.future().isComplete()) {
            file.close().eventually(() -> vertx.fileSystem().delete(target.toString()));
            return;
          }
          attempt.file = file;
          hop(attempt, uri, 0);
        })
        .onFailure(attempt::fail);
    // The answer waits for the file's close, which waits for its last writes.
    return attempt.result.future().transform(done -> {
      vertx.cancelTimer(timer);
      Future<Void> closed = attempt.file == null ? Future.succeededFuture() : attempt.file.close();
      if (done.succeeded()) {
        return closed.map(done.result());
      }
      return closed.eventually(() -> vertx.fileSystem().delete(target.toString()))
          .transform(ignored -> Future.failedFuture(done.cause()));
    });
  }

  void close() {
    client.close();
  }

  private void hop(Attempt attempt, URI uri, int redirects) {
    String host = uri.getHost();
    int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https")
        ? 443 : 80;
    addressOf(host)
        .compose(address -> {
          attempt.ensureOpen();
          RequestOptions options = new RequestOptions()
              .setMethod(HttpMethod.GET)
              .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
              .setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
              .setPort(port)
              .setSsl(uri.getScheme().equalsIgnoreCase("https"))
              .setURI(pathAndQuery(uri))
              .setFollowRedirects(false)
              .setIdleTimeout(timeout.toMillis());
          return client.request(options);
        })
        .compose(request -> {
          attempt.request = request;
          attempt.ensureOpen();
          return request.send();
        })
        .onSuccess(response -> answer(attempt, uri, redirects, response))
        .onFailure(attempt::fail);
  }

  private void answer(Attempt attempt, URI uri, int redirects, HttpClientResponse response) {
    int status = response.statusCode();
    if (REDIRECTS.contains(status) && response.getHeader(HttpHeaders.LOCATION) != null) {
      attempt.request.reset();
      if (redirects >= maxRedirects) {
        attempt.fail(fetchFailed("fileUrl redirected more than " + maxRedirects + " times"));
        return;
      }
      try {
        URI next = check(uri.resolve(response.getHeader(HttpHeaders.LOCATION)).toString());
        hop(attempt, next, redirects + 1);
      } catch (Invalid e) {
        attempt.fail(e);
      } catch (IllegalArgumentException e) {
        attempt.fail(new Invalid("bad_url", "fileUrl redirected to an invalid URL"));
      }
      return;
    }
    if (status / 100 != 2) {
      attempt.request.reset();
      attempt.fail(fetchFailed("fetching fileUrl answered HTTP " + status));
      return;
    }
    String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.matches("\\d{1,18}")
        && Long.parseLong(length) > attempt.maxBytes) {
      attempt.fail(FormReceiver.tooLarge(attempt.maxBytes));
      return;
    }
    AsyncFile file = attempt.file;
    response.exceptionHandler(attempt::fail);
    response.handler(buffer -> {
      attempt.size += buffer.length();
      if (attempt.size > attempt.maxBytes) {
        attempt.fail(FormReceiver.tooLarge(attempt.maxBytes));
        return;
      }
      file.write(buffer);
      if (file.writeQueueFull()) {
        response.pause();
        file.drainHandler(v -> response.resume());
      }
    });
    response.endHandler(v -> attempt.result.tryComplete(new Fetched(attempt.size,
        response.getHeader(HttpHeaders.CONTENT_TYPE), fileName(uri))));
  }

  /** The one address to connect to, after every address of the host has been checked. */
  private Future<InetAddress> addressOf(String host) {
    Future<List<InetAddress>> addresses;
    if (IP_LITERAL.matcher(host).matches()) {
      try {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        addresses = Future.succeededFuture(List.of(InetAddress.getByName(literal)));
      } catch (UnknownHostException e) {
        return Future.failedFuture(new Invalid("bad_url", "fileUrl has a host that is "
            + "not an address: " + host));
      }
    } else {
      addresses = resolver.resolve(host).recover(e -> Future.failedFuture(fetchFailed(
          "fileUrl's host " + host + " does not resolve")));
    }
    return addresses.compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(fetchFailed("fileUrl's host " + host + " has no address"));
      }
      // One internal address is enough to refuse: which of them a connection would use is luck.
      for (InetAddress address : found) {
        Optional<String> refusal = policy.refusal(address);
        if (refusal.isPresent()) {
          return Future.failedFuture(new Invalid("blocked_url", "fileUrl's host " + host
              + " is " + address.getHostAddress() + ", " + refusal.get()
              + "; the platform does not fetch from internal addresses"));
        }
      }
      return Future.succeededFuture(found.get(0));
    });
  }

  /** The URL as a URI the platform is willing to fetch, or an Invalid that says why not. */
  static URI check(String url) {
    if (url == null || url.isBlank()) {
      throw new Invalid("bad_url", "fileUrl is empty");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw new Invalid("bad_url", "fileUrl has " + url.length()
          + " characters; the limit is " + MAX_URL_LENGTH);
    }
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new Invalid("bad_url", "fileUrl is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new Invalid("bad_url", "fileUrl must be an http or https URL, not "
          + (scheme.isEmpty() ? "a relative one" : scheme + ":"));
    }
    if (uri.getHost() == null) {
      throw new Invalid("bad_url", "fileUrl has no host name");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Invalid("bad_url", "fileUrl must not carry a user name or password");
    }
    return uri;
  }

  private static String pathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  private static String fileName(URI uri) {
    String path = uri.getPath();
    if (path == null || path.endsWith("/")) {
      return null;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isBlank() || name.length() > 255 ? null : name;
  }

  private static Invalid fetchFailed(String message) {
    return new Invalid("fetch_failed", message);
  }

  /** One fetch across its redirects; touched only on its event loop. */
  private static final class Attempt {

    final Promise<Fetched> result = Promise.promise();
    final long maxBytes;
    AsyncFile file;
    HttpClientRequest request;
    long size;

    Attempt(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    /** Stops here when the fetch has already failed (timed out, say) while a step was pending. */
    void ensureOpen() {
      if (result.future().isComplete()) {
        throw new IllegalStateException("the fetch has already ended");
      }
    }

    void fail(Throwable cause) {
      Refusal error = cause instanceof Refusal refusal ? refusal
          : fetchFailed("could not fetch fileUrl: " + cause.getMessage());
      if (result.tryFail(error) && request != null) {
        request.reset();
      }
    }
  }
}
