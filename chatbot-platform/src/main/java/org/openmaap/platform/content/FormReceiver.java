package org.openmaap.platform.content;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.failure.TooLarge;

/**
 * Reads an upload form as it arrives: the file part is streamed to a temporary file and refused
 * with 413 as soon as it passes the size limit, so no upload is ever held in memory; the other
 * fields are small text.
 */
final class FormReceiver {

  /** What a form carried: its text fields, and its file if it had one (else null). */
  record Form(MultiMap fields, Received file) {}

  /** Room for the multipart boundaries, part headers and text fields around the file. */
  static final long FORM_OVERHEAD = 64 * 1024;

  private FormReceiver() {}

  /**
   * Receives the request's form; the file must come in {@code fileField}. Call it before anything
   * else reads the request, on the request's event loop.
   */
  static Future<Form> receive(Vertx vertx, HttpServerRequest request, Path tmpDir,
      String fileField, long maxBytes) {
    return receive(vertx, request, tmpDir, fileField, Set.of(), maxBytes);
  }

  /**
   * Like {@link #receive(Vertx, HttpServerRequest, Path, String, long)}, but files in the
   * {@code dropped} fields are read and thrown away instead of refused (a dialect's thumbnail,
   * which the platform makes itself).
   */
  static Future<Form> receive(Vertx vertx, HttpServerRequest request, Path tmpDir,
      String fileField, Set<String> dropped, long maxBytes) {
    String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
    String bare = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (!bare.startsWith("multipart/form-data")
        && !bare.startsWith("application/x-www-form-urlencoded")) {
      return Future.failedFuture(new ApiError(415, "unsupported_media_type",
          "send the upload as multipart/form-data, not " + (type == null ? "no type" : type)));
    }
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && length.matches("\\d{1,18}")
        && Long.parseLong(length) > maxBytes + FORM_OVERHEAD) {
      return Future.failedFuture(tooLarge(maxBytes));
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
      request.response().writeContinue();
    }
    Receiving receiving = new Receiving(vertx, request, tmpDir, fileField, dropped, maxBytes);
    request.setExpectMultipart(true);
    request.uploadHandler(receiving::upload);
    request.exceptionHandler(e -> receiving.fail(ApiError.badRequest("incomplete_upload",
        "the upload ended before its body was complete")));
    request.endHandler(v -> receiving.ended());
    return receiving.result.future();
  }

  static TooLarge tooLarge(long maxBytes) {
    return new TooLarge("too_large", "the file is larger than the " + maxBytes
        + " bytes the platform accepts");
  }

  /** One form being received; touched only on the request's event loop. */
  private static final class Receiving {

    final Promise<Form> result = Promise.promise();
    private final Vertx vertx;
    private final HttpServerRequest request;
    private final Path tmpDir;
    private final String fileField;
    private final Set<String> dropped;
    private final long maxBytes;
    private Future<Void> fileWritten = Future.succeededFuture();
    private Path path;
    private AsyncFile file;
    private HttpServerFileUpload current;
    private long size;
    private String transferType;
    private String fileName;
    private boolean failed;

    Receiving(Vertx vertx, HttpServerRequest request, Path tmpDir, String fileField,
        Set<String> dropped, long maxBytes) {
      this.vertx = vertx;
      this.request = request;
      this.tmpDir = tmpDir;
      this.fileField = fileField;
      this.dropped = dropped;
      this.maxBytes = maxBytes;
    }

    void upload(HttpServerFileUpload upload) {
      if (dropped.contains(upload.name())) {
        upload.handler(ignored -> {});
        return;
      }
      if (failed || path != null || !fileField.equals(upload.name())) {
        // Whatever arrives after a refusal is dropped, not kept.
        upload.handler(ignored -> {});
        fail(ApiError.badRequest("invalid_form", "send one file, in the form field '" + fileField
            + "'; got a file in '" + upload.name() + "'"));
        return;
      }
      current = upload;
      transferType = upload.contentType();
      fileName = upload.filename();
      path = tmpDir.resolve(FileUrls.newId() + ".part");
      Promise<Void> written = Promise.promise();
      fileWritten = written.future();
      upload.pause();
      vertx.fileSystem().open(path.toString(), new OpenOptions().setCreateNew(true).setWrite(true))
          .onFailure(e -> {
            written.tryFail(e);
            upload.handler(ignored -> {});
            upload.resume();
            fail(e);
          })
          .onSuccess(opened -> {
            file = opened;
            upload.exceptionHandler(e -> {
              written.tryFail(e);
              fail(e);
            });
            upload.handler(buffer -> {
              if (failed) {
                return;
              }
              size += buffer.length();
              if (size > maxBytes) {
                fail(tooLarge(maxBytes));
                return;
              }
              opened.write(buffer);
              if (opened.writeQueueFull()) {
                upload.pause();
                opened.drainHandler(v -> upload.resume());
              }
            });
            upload.endHandler(v -> {
              if (!failed) {
                opened.close().onComplete(written);
              }
            });
            if (failed) {
              discard();
            }
            upload.resume();
          });
    }

    void ended() {
      fileWritten.onComplete(done -> {
        if (done.failed()) {
          fail(done.cause());
        } else if (!failed) {
          result.complete(new Form(request.formAttributes(),
              path == null ? null : new Received(path, size, transferType, fileName)));
        }
      });
    }

    void fail(Throwable cause) {
      if (failed) {
        return;
      }
      failed = true;
      discard();
      if (current != null) {
        // The rest of the upload is dropped as it comes, never left paused on a full file.
        current.handler(ignored -> {});
        current.resume();
      }
      result.tryFail(cause);
    }

    private void discard() {
      Path partial = path;
      if (partial == null) {
        return;
      }
      // A file still being opened is discarded again once open; deleting nothing is fine.
      Future<Void> closed = file == null ? Future.succeededFuture() : file.close();
      closed.eventually(() -> vertx.fileSystem().delete(partial.toString()));
    }
  }
}
