package org.openmaap.platform.content;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.EventSink;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.failure.TooLarge;
import org.openmaap.platform.store.FileRow;
import org.openmaap.platform.store.QuotaExceeded;
import org.openmaap.platform.store.Store;

/**
 * The content server's files: kept from an upload or a fetched {@code fileUrl} once their type is
 * known and allowed, with a thumbnail for images, within the chatbot's quota; served until their
 * {@code until}, then swept (bytes deleted, row kept as expired); the chatbot told by a
 * {@code fileStatus} event when a file is ready and when it expires.
 */
public final class FileLibrary {

  private static final Logger LOG = Logger.getLogger(FileLibrary.class.getName());
  private static final int SWEEP_BATCH = 100;
  /** Thumbnails are CPU-heavy: two at a time, whatever the upload rate. */
  private static final int THUMBNAIL_THREADS = 2;

  private final Vertx vertx;
  private final Store store;
  private final EventSink events;
  private final FilesSettings settings;
  private final FileUrls urls;
  private final Clock clock;
  private final Path dir;
  private final Path tmp;
  private final SafeFetch fetch;
  private final WorkerExecutor workers;
  private final Duration leftoverAge;
  private long sweeper = -1;

  /**
   * How old leftovers in a shared directory must be before a starting node drops them: younger
   * ones may be another node's upload in progress, or its file whose row is being written.
   */
  static final Duration SHARED_LEFTOVER_AGE = Duration.ofHours(1);

  /** A library keeping its bytes in the settings' directory, else under {@code dataDir/files}. */
  public FileLibrary(Vertx vertx, Store store, EventSink events, FilesSettings settings,
      FileUrls urls, Path dataDir, Clock clock) {
    this(vertx, store, events, settings, urls, dataDir, clock, SafeFetch.systemResolver(vertx));
  }

  FileLibrary(Vertx vertx, Store store, EventSink events, FilesSettings settings, FileUrls urls,
      Path dataDir, Clock clock, SafeFetch.Resolver resolver) {
    this.vertx = vertx;
    this.store = store;
    this.events = events;
    this.settings = settings;
    this.urls = urls;
    this.clock = clock;
    this.dir = settings.directoryIn(dataDir);
    this.tmp = dir.resolve("tmp");
    // A directory of this node's own holds nothing in progress at its start.
    this.leftoverAge = settings.directory() == null ? Duration.ZERO : SHARED_LEFTOVER_AGE;
    this.fetch = new SafeFetch(vertx, resolver, new AddressPolicy(settings.allowPrivateFetch(),
        settings.allowedFetchNetworks()), settings.fetchTimeout(), settings.maxRedirects());
    this.workers = vertx.createSharedWorkerExecutor("openmaap-files", THUMBNAIL_THREADS);
  }

  /**
   * Makes the directories, drops uploads a crash left half-done and bytes whose row a crash never
   * wrote (or already deleted), and starts the expiry sweep. In a directory the nodes of a cluster
   * share, only leftovers older than {@link #SHARED_LEFTOVER_AGE} go.
   */
  public Future<Void> start() {
    return vertx.<List<String>>executeBlocking(() -> {
      Files.createDirectories(tmp);
      Instant before = clock.instant().minus(leftoverAge);
      try (Stream<Path> partial = Files.list(tmp)) {
        for (Path file : partial.toList()) {
          if (olderThan(file, before)) {
            Files.deleteIfExists(file);
          }
        }
      }
      try (Stream<Path> kept = Files.list(dir)) {
        return kept.filter(Files::isRegularFile)
            .filter(file -> olderThan(file, before))
            .map(file -> file.getFileName().toString().replace(".thumbnail", ""))
            .distinct().toList();
      }
    }).compose(this::dropOrphans).onSuccess(v -> {
      sweep();
      sweeper = vertx.setPeriodic(settings.sweepInterval().toMillis(), id -> sweep());
    });
  }

  private boolean olderThan(Path file, Instant before) {
    if (leftoverAge.isZero()) {
      return true;
    }
    try {
      return Files.getLastModifiedTime(file).toInstant().isBefore(before);
    } catch (IOException e) {
      // Gone meanwhile (another node dropped it): nothing left to drop.
      return false;
    }
  }

  /** Deletes the bytes of files the store has no row for; nothing is serving them yet. */
  private Future<Void> dropOrphans(List<String> fileIds) {
    return store.fileIds().compose(known -> Future.all(fileIds.stream()
            .filter(fileId -> !known.contains(fileId))
            .map(this::removeBytes)
            .toList())
        .mapEmpty());
  }

  /** Stops the sweep and the fetch client. */
  public Future<Void> stop() {
    if (sweeper >= 0) {
      vertx.cancelTimer(sweeper);
    }
    fetch.close();
    return workers.close();
  }

  // --- keeping ----------------------------------------------------------------------------------

  Path tmpDir() {
    return tmp;
  }

  /** Fetches {@code url} into a temporary file, as {@link SafeFetch} allows it. */
  Future<Received> fetch(String url) {
    Path target = tmp.resolve(FileUrls.newId() + ".part");
    return fetch.fetch(url, target, settings.maxFileBytes())
        .map(fetched -> new Received(target, fetched.size(), fetched.contentType(),
            fetched.fileName()));
  }

  /**
   * Keeps a received file for its owner until {@code until}: UnsupportedType for a type the
   * platform does not keep, TooLarge past the quota; a chatbot's file is announced with a
   * {@code fileStatus} event. The temporary file is consumed either way.
   */
  Future<FileRow> keep(FileRow.Owner kind, String owner, Received received, String fileType,
      Instant until, long quotaBytes) {
    String fileId = FileUrls.newId();
    return workers.<FileRow>executeBlocking(() -> {
      String contentType = ContentTypes.decide(fileType, received.transferType(),
          received.fileName(), head(received.path()));
      Optional<byte[]> thumbnail = ContentTypes.hasThumbnail(contentType)
          ? Thumbnails.of(received.path()) : Optional.empty();
      Files.move(received.path(), bytes(fileId), StandardCopyOption.ATOMIC_MOVE);
      if (thumbnail.isPresent()) {
        Files.write(thumbnailBytes(fileId), thumbnail.get());
      }
      return new FileRow(fileId, kind, owner, safeName(received.fileName()), contentType,
          received.size(), thumbnail.map(t -> Thumbnails.CONTENT_TYPE).orElse(null),
          thumbnail.map(t -> (long) t.length).orElse(null), FileRow.Status.READY, until,
          clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }, false)
        .compose(row -> insert(row, quotaBytes).map(row))
        // Nothing of a refused file stays behind once the refusal is answered.
        .recover(e -> discard(received).eventually(() -> removeBytes(fileId))
            .transform(ignored -> Future.failedFuture(e instanceof QuotaExceeded quota
                ? new TooLarge("quota_exceeded", "chatbot '" + owner + "' stores "
                    + quota.usedBytes() + " bytes of its quota of " + quota.quotaBytes()
                    + "; this file needs " + received.size()
                    + " more; delete files or wait until they expire")
                : e)));
  }

  private Future<Void> insert(FileRow row, long quotaBytes) {
    if (row.ownerKind() == FileRow.Owner.USER) {
      return store.insertFile(row, quotaBytes);
    }
    return events.publishWith(row.owner(), lane(row), statusEvent(row, "ready"),
        report -> store.insertFileAndEvent(row, quotaBytes, report)).mapEmpty();
  }

  /** Drops a received file that will not be kept; a file already gone is fine. */
  Future<Void> discard(Received received) {
    if (received == null) {
      return Future.succeededFuture();
    }
    return vertx.fileSystem().delete(received.path().toString()).otherwiseEmpty();
  }

  /**
   * When a file is kept until: {@code until} as given (ISO-8601), within the maximum, else the
   * default; Invalid for a time that is not one or has passed.
   */
  Instant until(String given) {
    // Milliseconds, as the store keeps instants: the upload's answer says what info will say.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (given == null || given.isBlank()) {
      return now.plus(settings.defaultUntil());
    }
    Instant until;
    try {
      until = Instant.parse(given.trim()).truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new Invalid("bad_datetime", "until must be an ISO-8601 instant such as "
          + "2030-01-01T00:00:00Z, got '" + given + "'");
    }
    if (!until.isAfter(now)) {
      throw new Invalid("out_of_range", "until " + given + " has already passed");
    }
    // Later than the maximum is not an error: the answer's until says what the platform keeps.
    Instant latest = now.plus(settings.maxUntil());
    return until.isAfter(latest) ? latest : until;
  }

  // --- reading and deleting ---------------------------------------------------------------------

  /** The file, whatever its status, if it exists. */
  Future<Optional<FileRow>> find(String fileId) {
    return FileUrls.isId(fileId) ? store.file(fileId) : Future.succeededFuture(Optional.empty());
  }

  /** The id of the platform file this URL names (not its thumbnail), if it names one. */
  Optional<String> fileIdOf(String url) {
    return urls.fileIdOf(url);
  }

  /** A chatbot's own file; NotFound for another's, so other bots' file ids are not confirmed. */
  Future<FileRow> owned(String botId, String fileId) {
    return find(fileId).map(found -> found
        .filter(row -> row.ownerKind() == FileRow.Owner.BOT && row.owner().equals(botId))
        .orElseThrow(() -> new NotFound("chatbot '" + botId + "' has no file '" + fileId
            + "'")));
  }

  /** Deletes a chatbot's file: row and bytes. */
  Future<Void> delete(String botId, String fileId) {
    return owned(botId, fileId)
        .compose(row -> store.deleteFile(row.fileId()))
        .compose(deleted -> removeBytes(fileId));
  }

  /** Whether the file is past its {@code until} (swept or not yet). */
  boolean expired(FileRow row) {
    return row.status() == FileRow.Status.EXPIRED || !row.until().isAfter(clock.instant());
  }

  Instant now() {
    return clock.instant();
  }

  Path bytes(String fileId) {
    return dir.resolve(fileId);
  }

  Path thumbnailBytes(String fileId) {
    return dir.resolve(fileId + ".thumbnail");
  }

  /** The JSON that describes a file: the upload's answer, the info, the fileStatus event. */
  JsonObject describe(FileRow row) {
    JsonObject json = new JsonObject()
        .put("fileId", row.fileId())
        .put("fileUrl", urls.file(row.fileId()));
    if (row.fileName() != null) {
      json.put("fileName", row.fileName());
    }
    json.put("fileSize", row.fileSize()).put("contentType", row.contentType());
    if (row.thumbnailSize() != null) {
      json.put("thumbnailUrl", urls.thumbnail(row.fileId()))
          .put("thumbnailContentType", row.thumbnailType())
          .put("thumbnailFileSize", row.thumbnailSize());
    }
    return json.put("until", row.until().toString())
        .put("status", expired(row) ? "expired" : "ready");
  }

  // --- expiry -----------------------------------------------------------------------------------

  private void sweep() {
    store.filesDue(clock.instant(), SWEEP_BATCH)
        .compose(due -> Future.all(due.stream().map(this::expire).toList()).map(due.size()))
        .onSuccess(count -> {
          if (count == SWEEP_BATCH) {
            sweep();
          }
        })
        .onFailure(e -> LOG.warning(() -> "sweeping expired files failed: " + e.getMessage()));
  }

  private Future<Void> expire(FileRow row) {
    Future<Boolean> expired = row.ownerKind() == FileRow.Owner.USER
        ? store.expireFile(row.fileId())
        : events.publishWith(row.owner(), lane(row), statusEvent(row, "expired"),
            report -> store.expireFileAndInsertEvent(row.fileId(), report));
    return expired.compose(changed -> removeBytes(row.fileId()));
  }

  private BotEvent statusEvent(FileRow row, String status) {
    return new BotEvent.FileStatus(describe(row).put("status", status), clock.instant());
  }

  /** Events about one file are ordered among themselves, apart from any conversation's. */
  private static String lane(FileRow row) {
    return "file:" + row.fileId();
  }

  private Future<Void> removeBytes(String fileId) {
    return vertx.fileSystem().delete(bytes(fileId).toString())
        .eventually(() -> vertx.fileSystem().delete(thumbnailBytes(fileId).toString()))
        .otherwiseEmpty();
  }

  private static byte[] head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(ContentTypes.HEAD_BYTES);
    }
  }

  /** A name to show and to put in Content-Disposition: no path, no control characters. */
  private static String safeName(String name) {
    if (name == null) {
      return null;
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
        .replaceAll("\\p{Cntrl}", "").strip();
    if (base.isEmpty()) {
      return null;
    }
    return base.length() > 255 ? base.substring(0, 255) : base;
  }
}
