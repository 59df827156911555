package org.openmaap.platform.content;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.store.FileRow;

/**
 * {@code GET|HEAD /files/v1/{fileId}[/thumbnail]}: the bytes for anyone holding the URL (devices,
 * and SMS readers following a link), with their stored type, byte ranges, 410 once expired and
 * 404 once deleted.
 */
public final class FileDownloads {

  private static final long MAX_CACHE_SECONDS = Duration.ofDays(1).toSeconds();

  private final FileLibrary library;

  public FileDownloads(FileLibrary library) {
    this.library = library;
  }

  /** The file's bytes. */
  public void file(RoutingContext ctx) {
    serve(ctx, ctx.pathParam("fileId"), false);
  }

  /** The bytes of file {@code fileId} (a dialect names its files by URL). */
  public void file(RoutingContext ctx, String fileId) {
    serve(ctx, fileId, false);
  }

  /** The file's generated thumbnail; 404 when it has none. */
  public void thumbnail(RoutingContext ctx) {
    serve(ctx, ctx.pathParam("fileId"), true);
  }

  private void serve(RoutingContext ctx, String fileId, boolean thumbnail) {
    library.find(fileId).onSuccess(found -> {
      FileRow row = found.orElse(null);
      if (row == null || (thumbnail && row.thumbnailSize() == null)) {
        ctx.fail(ApiError.notFound("no file at " + ctx.request().path()));
      } else if (library.expired(row)) {
        ctx.fail(new ApiError(410, "gone", "this file was kept until " + row.until()
            + " and is gone"));
      } else if (thumbnail) {
        send(ctx, row, library.thumbnailBytes(fileId), row.thumbnailType(), row.thumbnailSize(),
            null);
      } else {
        send(ctx, row, library.bytes(fileId), row.contentType(), row.fileSize(), row.fileName());
      }
    }).onFailure(ctx::fail);
  }

  private void send(RoutingContext ctx, FileRow row, Path path, String type, long size,
      String fileName) {
    HttpServerResponse response = ctx.response();
    String etag = "\"" + row.fileId() + "\"";
    long cacheSeconds = Math.max(0, Math.min(MAX_CACHE_SECONDS,
        Duration.between(library.now(), row.until()).toSeconds()));
    response.putHeader(HttpHeaders.CONTENT_TYPE, type)
        .putHeader(HttpHeaders.ACCEPT_RANGES, "bytes")
        .putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CACHE_CONTROL, "max-age=" + cacheSeconds)
        .putHeader(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME
            .format(row.createdAt().atOffset(ZoneOffset.UTC)))
        // The bytes are served as what they were checked to be, never as a page that runs.
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    if (fileName != null) {
      response.putHeader("Content-Disposition", "inline; filename*=UTF-8''"
          + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    String ifRange = ctx.request().getHeader("If-Range");
    Optional<ByteRange> range;
    try {
      range = ifRange == null || ifRange.equals(etag)
          ? ByteRange.of(ctx.request().getHeader("Range"), size) : Optional.empty();
    } catch (ApiError unsatisfiable) {
      response.putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
      ctx.fail(unsatisfiable);
      return;
    }
    long offset = range.map(ByteRange::first).orElse(0L);
    long length = range.map(ByteRange::length).orElse(size);
    if (range.isPresent()) {
      response.setStatusCode(206).putHeader(HttpHeaders.CONTENT_RANGE,
          "bytes " + range.get().first() + "-" + range.get().last() + "/" + size);
    }
    if (ctx.request().method() == HttpMethod.HEAD) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(length)).end();
      return;
    }
    response.sendFile(path.toString(), offset, length).onFailure(e -> {
      // Deleted between the lookup and the read.
      if (!response.headWritten()) {
        response.headers().clear();
        ctx.fail(ApiError.notFound("no file at " + ctx.request().path()));
      }
    });
  }
}
