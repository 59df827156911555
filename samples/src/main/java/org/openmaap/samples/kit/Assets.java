package org.openmaap.samples.kit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.samples.kit.ChatbotClient.UploadedFile;

/**
 * The pictures and files a chatbot shows, published where phones can fetch them: on the platform's
 * content server ({@link ChatbotClient#upload}), or, on a platform without one, on the chatbot's
 * own {@link ChatbotServer}.
 */
public final class Assets {

  /** Where the samples keep their pictures on the classpath. */
  static final String RESOURCES = "org/openmaap/samples/media/";

  private final ChatbotClient api;
  private final ChatbotServer server;
  private final Map<String, UploadedFile> published = new ConcurrentHashMap<>();
  private volatile boolean platformHasNoFiles;

  private Assets(ChatbotClient api, ChatbotServer server) {
    this.api = api;
    this.server = server;
  }

  /** Publishes these classpath pictures (paths under {@code org/openmaap/samples/media/}). */
  public static Future<Assets> publish(ChatbotClient api, ChatbotServer server,
      List<String> pictures) {
    Assets assets = new Assets(api, server);
    Future<?> done = Future.succeededFuture();
    for (String picture : pictures) {
      done = done.compose(v -> assets.publish(picture.replace('/', '-'), contentType(picture),
              Buffer.buffer(read(picture)))
          .onSuccess(file -> assets.published.put(picture, file)));
    }
    return done.map(v -> assets);
  }

  /** A published picture as card media, described for screen readers and SMS. */
  public Media image(String picture, String description, MediaHeight height) {
    UploadedFile file = published.get(picture);
    if (file == null) {
      throw new IllegalArgumentException(picture + " was not published; list it when the "
          + "chatbot starts");
    }
    return new Media(file.fileUrl(), file.contentType(), file.fileSize(), height, null, null, null,
        description);
  }

  /** Publishes a file made now, such as a boarding pass, and answers where it is. */
  public Future<UploadedFile> publish(String fileName, String contentType, Buffer bytes) {
    if (platformHasNoFiles) {
      return Future.succeededFuture(hostOurselves(fileName, contentType, bytes));
    }
    return api.upload(fileName, contentType, bytes).recover(e -> {
      if (e instanceof ApiException api && api.status() == 404) {
        platformHasNoFiles = true;
        return Future.succeededFuture(hostOurselves(fileName, contentType, bytes));
      }
      return Future.failedFuture(e);
    });
  }

  private UploadedFile hostOurselves(String fileName, String contentType, Buffer bytes) {
    // An unguessable name that needs no escaping: a boarding pass is nobody else's business.
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot).replaceAll("[^A-Za-z0-9.]", "");
    String url = server.host(UUID.randomUUID() + extension, contentType, bytes);
    return new UploadedFile(fileName, url, bytes.length(), contentType, null, null);
  }

  private static String contentType(String picture) {
    if (picture.endsWith(".png")) {
      return "image/png";
    }
    if (picture.endsWith(".jpg") || picture.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    throw new IllegalArgumentException("pictures are .png or .jpg, not " + picture);
  }

  private static byte[] read(String picture) {
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(RESOURCES + picture)) {
      if (in == null) {
        throw new IllegalArgumentException("no picture " + RESOURCES + picture
            + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
