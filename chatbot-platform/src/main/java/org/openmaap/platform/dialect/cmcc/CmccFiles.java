package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.network.FtHttp;
import org.openmaap.platform.content.FilesApi;

/**
 * CMCC's file upload, {@code POST /Content}, over the platform's content server: the part
 * {@code File} is kept (a {@code Thumbnail} part is dropped: the platform makes thumbnails
 * itself) and answered with its FT-HTTP file descriptor, which the chatbot then sends as a
 * bodyText of type {@code application/vnd.gsma.rcs-ft-http+xml}.
 */
public final class CmccFiles {

  static final String FILE_PART = "File";
  static final String THUMBNAIL_PART = "Thumbnail";

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
        .map(CmccFiles::descriptor)
        .onSuccess(xml -> ctx.response().setStatusCode(200)
            .putHeader("Content-Type", FtHttp.CONTENT_TYPE)
            .end(xml))
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
