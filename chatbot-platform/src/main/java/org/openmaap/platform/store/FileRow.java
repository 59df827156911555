package org.openmaap.platform.store;

import java.time.Instant;

/**
 * A file on the content server: who uploaded it (a chatbot, or a user's device), what it is, the
 * size of its generated thumbnail if it has one, and until when it is served.
 */
public record FileRow(
    String fileId,
    Owner ownerKind,
    String owner,
    String fileName,
    String contentType,
    long fileSize,
    String thumbnailType,
    Long thumbnailSize,
    Status status,
    Instant until,
    Instant createdAt) {

  /** Who uploaded the file: {@code owner} is a botId or an MSISDN. */
  public enum Owner { BOT, USER }

  /** Whether the file is served; an expired file's bytes are gone, its row stays. */
  public enum Status { READY, EXPIRED }

  /** The bytes the file takes on disk, thumbnail included: what counts against a quota. */
  public long storedBytes() {
    return fileSize + (thumbnailSize == null ? 0 : thumbnailSize);
  }
}
