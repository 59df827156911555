package org.openmaap.samples.kit;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.samples.kit.ChatbotClient.UploadedFile;

/**
 * The pictures a chatbot shows on its cards, uploaded once at start to the platform's content
 * server ({@link ChatbotClient#upload}), which serves them to phones.
 */
public final class Assets {

  /** Where the samples keep their pictures on the classpath. */
  static final String RESOURCES = "org/openmaap/samples/media/";

  private final Map<String, UploadedFile> uploaded = new ConcurrentHashMap<>();

  private Assets() {}

  /** Uploads these classpath pictures (paths under {@code org/openmaap/samples/media/}). */
  public static Future<Assets> publish(ChatbotClient api, List<String> pictures) {
    Assets assets = new Assets();
    Future<?> done = Future.succeededFuture();
    for (String picture : pictures) {
      done = done.compose(v -> api.upload(picture.replace('/', '-'), contentType(picture),
              Buffer.buffer(read(picture)))
          .onSuccess(file -> assets.uploaded.put(picture, file)));
    }
    return done.map(v -> assets);
  }

  /** An uploaded picture as card media, described for screen readers and SMS. */
  public Media image(String picture, String description, MediaHeight height) {
    UploadedFile file = uploaded.get(picture);
    if (file == null) {
      throw new IllegalArgumentException(picture + " was not uploaded; list it when the "
          + "chatbot starts");
    }
    return new Media(file.fileUrl(), file.contentType(), file.fileSize(), height, null, null, null,
        description);
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
