package org.openmaap.samples.kit;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.MessageContact;
import org.openmaap.card.model.SendRequest;

/**
 * The Chatbot API as one chatbot sees it: an OAuth2 token fetched and renewed on its own, and
 * send, status, revoke, read reports, capabilities and file upload.
 */
public final class ChatbotClient {

  /** Renew a token this long before the platform says it expires. */
  private static final long RENEW_EARLY_NANOS = 60_000_000_000L;

  private final WebClient http;
  private final Credentials credentials;
  private final String botPath;
  private Future<String> token;
  private long tokenRenewAt;

  private ChatbotClient(WebClient http, Credentials credentials) {
    this.http = http;
    this.credentials = credentials;
    this.botPath = credentials.platformUrl() + "/bot/v1/" + encode(credentials.botId());
  }

  /** A client for the chatbot these credentials belong to. */
  public static ChatbotClient create(Vertx vertx, Credentials credentials) {
    return new ChatbotClient(WebClient.create(vertx), credentials);
  }

  /** The chatbot's id. */
  public String botId() {
    return credentials.botId();
  }

  /** A message sent: the platform holds it durably from now on. */
  public record Sent(String msgId, String status, String conversationId, String contributionId) {}

  /** What a user's phone can show: {@code rcs} false means they get SMS. */
  public record Capabilities(String userContact, boolean rcs, List<String> features) {}

  /** A file on the platform's content server, ready to go in a file message or card. */
  public record UploadedFile(String fileId, String fileUrl, long fileSize, String contentType,
      String thumbnailUrl, String until) {}

  /** Sends a message to a user: RCS when their phone has it, else SMS, as the platform decides. */
  public Future<Sent> send(String user, Message message) {
    String body = CardJson.write(new SendRequest(new MessageContact(user, null),
        message.toModel()));
    return call(token -> http.postAbs(botPath + "/messages").bearerTokenAuthentication(token)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(body)))
        .map(response -> {
          JsonObject json = response.bodyAsJsonObject();
          JsonObject rcs = json.getJsonObject("RCSMessage");
          return new Sent(rcs.getString("msgId"), rcs.getString("status"),
              json.getString("conversationId"), json.getString("contributionId"));
        });
  }

  /** The current status of a message the chatbot sent ({@code pending}, {@code delivered}, ...). */
  public Future<String> status(String msgId) {
    return call(token -> http.getAbs(botPath + "/messages/" + encode(msgId) + "/status")
            .bearerTokenAuthentication(token).send())
        .map(response -> response.bodyAsJsonObject().getJsonObject("RCSMessage")
            .getString("status"));
  }

  /**
   * Takes back a message that has not reached the phone yet: true if it is now cancelled, false if
   * it was delivered already.
   */
  public Future<Boolean> revoke(String msgId) {
    return putStatus(msgId, "cancelled")
        .map(cancelled -> true)
        .recover(e -> e instanceof ApiException api && api.status() == 409
            ? Future.succeededFuture(false) : Future.failedFuture(e));
  }

  /** Marks a message the user sent as read; their phone shows the read receipt. */
  public Future<Void> markRead(String msgId) {
    return putStatus(msgId, "displayed").mapEmpty();
  }

  /** Whether the user's phone shows RCS, from the platform's cache unless {@code refresh}. */
  public Future<Capabilities> capabilities(String user, boolean refresh) {
    return call(token -> http.getAbs(botPath + "/contactCapabilities?userContact=" + encode(user)
            + (refresh ? "&refresh=true" : "")).bearerTokenAuthentication(token).send())
        .map(response -> {
          JsonObject json = response.bodyAsJsonObject();
          JsonArray features = json.getJsonArray("features", new JsonArray());
          return new Capabilities(json.getString("userContact"), json.getBoolean("rcs", false),
              features.stream().map(String::valueOf).toList());
        });
  }

  /** Uploads a file to the platform's content server; it answers with the URL phones fetch. */
  public Future<UploadedFile> upload(String fileName, String contentType, Buffer content) {
    MultipartForm form = MultipartForm.create()
        .binaryFileUpload("fileContent", fileName, content, contentType)
        .attribute("fileType", contentType);
    return call(token -> http.postAbs(botPath + "/files").bearerTokenAuthentication(token)
            .sendMultipartForm(form))
        .map(response -> {
          JsonObject json = response.bodyAsJsonObject();
          return new UploadedFile(json.getString("fileId"), json.getString("fileUrl"),
              json.getLong("fileSize"), json.getString("contentType"),
              json.getString("thumbnailUrl"), json.getString("until"));
        });
  }

  private Future<HttpResponse<Buffer>> putStatus(String msgId, String status) {
    JsonObject body = new JsonObject().put("RCSMessage", new JsonObject().put("status", status));
    return call(token -> http.putAbs(botPath + "/messages/" + encode(msgId) + "/status")
        .bearerTokenAuthentication(token).sendJsonObject(body));
  }

  /**
   * Makes a request with the current token; a 401 means the token was revoked (for example by a
   * secret rotation), so it fetches a new one and tries once more. Non-2xx answers fail.
   */
  private Future<HttpResponse<Buffer>> call(
      Function<String, Future<HttpResponse<Buffer>>> request) {
    return token().compose(request).compose(response -> {
      if (response.statusCode() != 401) {
        return Future.succeededFuture(response);
      }
      forgetToken();
      return token().compose(request);
    }).compose(response -> response.statusCode() / 100 == 2
        ? Future.succeededFuture(response)
        : Future.failedFuture(ApiException.of(response.statusCode(), response.bodyAsString())));
  }

  private synchronized Future<String> token() {
    boolean stale = token == null || token.failed()
        || (token.succeeded() && System.nanoTime() - tokenRenewAt > 0);
    if (stale) {
      token = fetchToken();
    }
    return token;
  }

  private synchronized void forgetToken() {
    token = null;
  }

  private Future<String> fetchToken() {
    long askedAt = System.nanoTime();
    return http.postAbs(credentials.platformUrl() + "/oauth2/v1/token")
        .basicAuthentication(credentials.clientId(), credentials.clientSecret())
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials"))
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture(ApiException.of(response.statusCode(),
                response.bodyAsString()));
          }
          JsonObject json = response.bodyAsJsonObject();
          long lifetime = json.getLong("expires_in", 3600L) * 1_000_000_000L;
          synchronized (this) {
            tokenRenewAt = askedAt + Math.max(0, lifetime - RENEW_EARLY_NANOS);
          }
          return Future.succeededFuture(json.getString("access_token"));
        });
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Closes the HTTP client. */
  public void close() {
    http.close();
  }
}
