package org.openmaap.platform.content;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.store.FileRow;

/**
 * The files routes: a chatbot uploads ({@code fileContent} or a {@code fileUrl} the platform
 * fetches, answered once the file is ready), reads and deletes its files; a device uploads the
 * file it is about to send. Uploads must be routed before any body handler: they read the body
 * themselves, as it streams.
 */
public final class FilesApi {

  static final String FILE_FIELD = "fileContent";

  private final FileLibrary library;
  private final FilesSettings settings;

  public FilesApi(FileLibrary library, FilesSettings settings) {
    this.library = library;
    this.settings = settings;
  }

  /** {@code POST /bot/v1/{botId}/files}: 201 with the ready file. */
  public Future<JsonObject> upload(RoutingContext ctx) {
    String botId = ctx.pathParam("botId");
    return receive(ctx).compose(form -> {
      String fileUrl = form.fields().get("fileUrl");
      if (form.file() != null && fileUrl != null) {
        throw ApiError.badRequest("one_of", "send the file in " + FILE_FIELD
            + " or name it in fileUrl, not both");
      }
      if (form.file() == null && fileUrl == null) {
        throw ApiError.badRequest("required", "send the file in the form field " + FILE_FIELD
            + ", or its URL in fileUrl");
      }
      Instant until = library.until(form.fields().get("until"));
      Future<Received> received = form.file() != null
          ? Future.succeededFuture(form.file()) : library.fetch(fileUrl);
      return received.compose(file -> library.keep(FileRow.Owner.BOT, botId, file,
          form.fields().get("fileType"), until, settings.perBotQuotaBytes()));
    }).map(row -> created(ctx, library.describe(row)));
  }

  /**
   * A chatbot's upload through a dialect: the file in {@code fileField} (files in {@code dropped}
   * fields are thrown away), kept the default time or, {@code longest}, as long as the platform
   * keeps files; answers the file as {@link #info} does.
   */
  public Future<JsonObject> upload(RoutingContext ctx, String botId, String fileField,
      Set<String> dropped, boolean longest) {
    return receive(ctx, fileField, dropped).compose(form -> {
      if (form.file() == null) {
        throw ApiError.badRequest("required", "send the file in the form field " + fileField);
      }
      Instant until = longest
          ? library.now().plus(settings.maxUntil()).truncatedTo(ChronoUnit.MILLIS)
          : library.until(null);
      return library.keep(FileRow.Owner.BOT, botId, form.file(), null, until,
          settings.perBotQuotaBytes());
    }).map(library::describe);
  }

  /**
   * The id of chatbot {@code botId}'s own file that {@code url} names: Invalid bad_media_url for a
   * URL that names no platform file, NotFound for another's or a deleted one.
   */
  public Future<String> ownFileId(String botId, String url) {
    String fileId = library.fileIdOf(url).orElseThrow(() -> new Invalid("bad_media_url",
        "'" + url + "' is not the URL of a file on this platform"));
    return library.owned(botId, fileId).map(FileRow::fileId);
  }

  /** Deletes chatbot {@code botId}'s file: its URL answers 404 from now on. */
  public Future<Void> delete(String botId, String fileId) {
    return library.delete(botId, fileId);
  }

  /** {@code GET /bot/v1/{botId}/files/{fileId}}: the file, ready or expired. */
  public Future<JsonObject> info(RoutingContext ctx) {
    return library.owned(ctx.pathParam("botId"), ctx.pathParam("fileId"))
        .map(library::describe);
  }

  /** {@code DELETE /bot/v1/{botId}/files/{fileId}}: 204; the file's URL answers 404 from now on. */
  public void delete(RoutingContext ctx) {
    delete(ctx.pathParam("botId"), ctx.pathParam("fileId"))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /**
   * {@code POST /network/v1/devices/{msisdn}/files}: a device's file, answered with the
   * {@code fileMessage} the device then sends in a message frame.
   */
  public Future<JsonObject> deviceUpload(RoutingContext ctx) {
    String msisdn = Msisdn.normalize(ctx.pathParam("msisdn"));
    return receive(ctx).compose(form -> {
      if (form.file() == null) {
        throw ApiError.badRequest("required", "a device sends the file's bytes in the form field "
            + FILE_FIELD);
      }
      Instant until = library.until(form.fields().get("until"));
      // Devices have no quota of their own: the network side is trusted, files are bounded.
      return library.keep(FileRow.Owner.USER, msisdn, form.file(),
          form.fields().get("fileType"), until, Long.MAX_VALUE);
    }).map(row -> {
      JsonObject file = library.describe(row);
      JsonObject message = new JsonObject().put("fileUrl", file.getString("fileUrl"));
      if (row.fileName() != null) {
        message.put("fileName", row.fileName());
      }
      message.put("fileMIMEType", row.contentType()).put("fileSize", row.fileSize());
      if (row.thumbnailSize() != null) {
        message.put("thumbnailUrl", file.getString("thumbnailUrl"))
            .put("thumbnailMIMEType", row.thumbnailType())
            .put("thumbnailFileSize", row.thumbnailSize());
      }
      return created(ctx, file.put("fileMessage", message));
    });
  }

  /** The request's form, its temporary file dropped if anything after it fails. */
  private Future<FormReceiver.Form> receive(RoutingContext ctx) {
    return receive(ctx, FILE_FIELD, Set.of());
  }

  private Future<FormReceiver.Form> receive(RoutingContext ctx, String fileField,
      Set<String> dropped) {
    Future<FormReceiver.Form> form = FormReceiver.receive(ctx.vertx(), ctx.request(),
        library.tmpDir(), fileField, dropped, settings.maxFileBytes());
    ctx.addEndHandler(done -> form.onSuccess(received -> {
      // keep() consumed it if it got that far; deleting what is not there is harmless.
      if (ctx.response().getStatusCode() / 100 != 2) {
        library.discard(received.file());
      }
    }));
    return form.onFailure(e -> Bodies.stopReading(ctx));
  }

  private static JsonObject created(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(201);
    return body;
  }
}
