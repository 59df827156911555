package org.openmaap.platform.dialect.ctcu;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.content.FileDownloads;
import org.openmaap.platform.content.FilesApi;

/**
 * CT/CU's media routes over the platform's content server: {@code medias/upload} (the part
 * {@code file}; a {@code thumbnail} part is dropped, the platform makes thumbnails itself),
 * {@code medias/download} and {@code medias/delete}, which name the file by its URL in a
 * {@code url} header.
 */
public final class CtcuMedia {

  static final String FILE_PART = "file";
  static final String THUMBNAIL_PART = "thumbnail";

  private final CtcuAuth auth;
  private final FilesApi files;
  private final FileDownloads downloads;

  public CtcuMedia(CtcuAuth auth, FilesApi files, FileDownloads downloads) {
    this.auth = auth;
    this.files = files;
    this.downloads = downloads;
  }

  /**
   * {@code POST …/medias/upload}: kept as long as the platform keeps files with
   * {@code uploadMode: perm}, the default time with {@code temp} (or none).
   */
  public Future<JsonObject> upload(RoutingContext ctx) {
    String botId = auth.chatbot(ctx).botId();
    String mode = ctx.request().getHeader("uploadMode");
    if (mode != null && !Set.of("perm", "temp").contains(mode)) {
      throw ApiError.badRequest("bad_header", "uploadMode is perm or temp, not '" + mode + "'");
    }
    return files.upload(ctx, botId, FILE_PART, Set.of(THUMBNAIL_PART), "perm".equals(mode))
        .map(file -> {
          JsonArray infos = new JsonArray().add(new JsonObject().put("type", "file")
              .put("url", file.getString("fileUrl"))
              .put("fileName", file.getString("fileName"))
              .put("contentType", file.getString("contentType"))
              .put("fileSize", file.getLong("fileSize"))
              .put("until", file.getString("until")));
          if (file.containsKey("thumbnailUrl")) {
            infos.add(new JsonObject().put("type", "thumbnail")
                .put("url", file.getString("thumbnailUrl"))
                .put("contentType", file.getString("thumbnailContentType"))
                .put("fileSize", file.getLong("thumbnailFileSize"))
                .put("until", file.getString("until")));
          }
          return new JsonObject().put("errorCode", 0).put("errorMessage", "success")
              .put("fileInfo", infos);
        });
  }

  /** {@code GET …/medias/download}, {@code url: <the file's URL>}: the file's bytes. */
  public void download(RoutingContext ctx) {
    String botId = auth.chatbot(ctx).botId();
    files.ownFileId(botId, url(ctx))
        .onSuccess(fileId -> downloads.file(ctx, fileId))
        .onFailure(ctx::fail);
  }

  /** {@code DELETE …/medias/delete}, {@code url: <the file's URL>}. */
  public Future<JsonObject> delete(RoutingContext ctx) {
    String botId = auth.chatbot(ctx).botId();
    return files.ownFileId(botId, url(ctx))
        .compose(fileId -> files.delete(botId, fileId))
        .map(deleted -> new JsonObject().put("errorCode", 0).put("errorMessage", "success"));
  }

  private static String url(RoutingContext ctx) {
    String url = ctx.request().getHeader("url");
    if (url == null || url.isBlank()) {
      throw ApiError.badRequest("bad_header", "name the file by its URL in a url header");
    }
    return url.trim();
  }
}
