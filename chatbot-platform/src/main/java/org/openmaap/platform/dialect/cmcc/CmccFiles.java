package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.network.FtHttp;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.content.FilesApi;

/**
 * CMCC's files over the platform's content server: {@code POST /Content} keeps the part
 * {@code File} (a {@code Thumbnail} part is dropped: the platform makes thumbnails itself) and
 * answers its FT-HTTP file descriptor, which the chatbot then sends as a bodyText of type
 * {@code application/vnd.gsma.rcs-ft-http+xml}, with the file's id in a {@code tid} header;
 * {@code DELETE /Content} deletes the file its {@code tid} header names, as deployed China Mobile
 * clients delete one.
 */
public final class CmccFiles {

  static final String FILE_PART = "File";
  static final String THUMBNAIL_PART = "Thumbnail";
  /** The header that names a file: its id (as the upload answered it) or its URL. */
  static final String TID = "tid";

  private final CmccAuth auth;
  private final FilesApi files;

  public CmccFiles(CmccAuth auth, FilesApi files) {
    this.auth = auth;
    this.files = files;
  }

  /** {@code POST /Content}: 200 with the kept file's (and its thumbnail's) FT-HTTP XML. */
  public void upload(RoutingContext ctx) {
    String botId = auth.authenticated(ctx).botId();
    files.upload(ctx, botId, FILE_PART, Set.of(THUMBNAIL_PART), false)
        .onSuccess(file -> ctx.response().setStatusCode(200)
            .putHeader("Content-Type", FtHttp.CONTENT_TYPE)
            .putHeader(TID, file.getString("fileId"))
            .end(descriptor(file)))
        .onFailure(ctx::fail);
  }

  /**
   * {@code DELETE /Content}, {@code tid: <the file's id or URL>}: 204, and the file's URLs answer
   * 404 from now on; the chatbot's own files only (another's is not found).
   */
  public void delete(RoutingContext ctx) {
    String botId = auth.authenticated(ctx).botId();
    String tid = ctx.request().getHeader(TID);
    if (tid == null || tid.isBlank()) {
      ctx.fail(ApiError.badRequest("bad_header", "name the file to delete in a tid header: its"
          + " id, as the upload answered it in its tid header, or its URL"));
      return;
    }
    String named = tid.trim();
    (named.contains("/") ? files.ownFileId(botId, named) : Future.succeededFuture(named))
        .compose(fileId -> files.delete(botId, fileId))
        .onSuccess(deleted -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The FT-HTTP file descriptor of a file as the content server describes it. */
  static String descriptor(JsonObject file) {
    return new FtHttp(new FileMessage(file.getString("fileUrl"), file.getString("fileName"),
        file.getString("contentType"), file.getLong("fileSize"),
        file.getString("thumbnailUrl"), file.getString("thumbnailContentType"),
        file.getLong("thumbnailFileSize")), file.getString("until")).write();
  }
}
