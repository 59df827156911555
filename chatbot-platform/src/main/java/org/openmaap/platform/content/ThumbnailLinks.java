package org.openmaap.platform.content;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openmaap.platform.delivery.MediaLinks;

/**
 * Adds the generated thumbnail to a file message or card media that links a platform image
 * without naming a thumbnail, so a chatbot can send an uploaded image as is and the phone still
 * gets a preview it can show before downloading the image.
 */
public final class ThumbnailLinks implements MediaLinks {

  private final FileLibrary library;
  private final FileUrls urls;

  public ThumbnailLinks(FileLibrary library, FileUrls urls) {
    this.library = library;
    this.urls = urls;
  }

  @Override
  public Future<JsonObject> complete(JsonObject rcsMessage) {
    if (slots(rcsMessage).isEmpty()) {
      return Future.succeededFuture(rcsMessage);
    }
    JsonObject completed = rcsMessage.copy();
    List<Future<?>> lookups = new ArrayList<>();
    for (Slot slot : slots(completed)) {
      lookups.add(library.find(slot.fileId()).onSuccess(found -> found
          .filter(row -> row.thumbnailSize() != null && !library.expired(row))
          .ifPresent(row -> slot.holder()
              .put("thumbnailUrl", urls.thumbnail(row.fileId()))
              .put(slot.typeKey(), row.thumbnailType())
              .put("thumbnailFileSize", row.thumbnailSize()))));
    }
    return Future.join(lookups).transform(done -> Future.succeededFuture(
        done.succeeded() ? completed : rcsMessage));
  }

  /** A place in the message that links a platform file and names no thumbnail. */
  private record Slot(JsonObject holder, String fileId, String typeKey) {}

  private List<Slot> slots(JsonObject rcs) {
    List<Slot> slots = new ArrayList<>();
    object(rcs, "fileMessage").flatMap(file -> slot(file, "fileUrl", "thumbnailMIMEType"))
        .ifPresent(slots::add);
    Optional<JsonObject> message = object(rcs, "richcardMessage")
        .flatMap(card -> object(card, "message"));
    message.flatMap(m -> object(m, "generalPurposeCard"))
        .flatMap(card -> object(card, "content"))
        .flatMap(content -> media(content))
        .ifPresent(slots::add);
    message.flatMap(m -> object(m, "generalPurposeCardCarousel"))
        .map(carousel -> carousel.getValue("content"))
        .filter(JsonArray.class::isInstance)
        .ifPresent(cards -> ((JsonArray) cards).forEach(card -> {
          if (card instanceof JsonObject content) {
            media(content).ifPresent(slots::add);
          }
        }));
    return slots;
  }

  private Optional<Slot> media(JsonObject content) {
    return object(content, "media")
        .flatMap(media -> slot(media, "mediaUrl", "thumbnailContentType"));
  }

  private Optional<Slot> slot(JsonObject holder, String urlKey, String typeKey) {
    if (holder.containsKey("thumbnailUrl") || holder.containsKey(typeKey)
        || holder.containsKey("thumbnailFileSize")
        || !(holder.getValue(urlKey) instanceof String url)) {
      return Optional.empty();
    }
    return urls.fileIdOf(url).map(fileId -> new Slot(holder, fileId, typeKey));
  }

  private static Optional<JsonObject> object(JsonObject parent, String key) {
    return parent.getValue(key) instanceof JsonObject child ? Optional.of(child)
        : Optional.empty();
  }
}
