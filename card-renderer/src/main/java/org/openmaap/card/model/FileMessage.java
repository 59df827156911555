package org.openmaap.card.model;

/** A file transfer: a link to the file, its type and size, and an optional thumbnail. */
public record FileMessage(
    String fileUrl,
    String fileName,
    String fileMIMEType,
    Long fileSize,
    String thumbnailUrl,
    String thumbnailMIMEType,
    Long thumbnailFileSize,
    String thumbnailFileName) {

  /** A file transfer whose thumbnail, if any, has no file name. */
  public FileMessage(String fileUrl, String fileName, String fileMIMEType, Long fileSize,
      String thumbnailUrl, String thumbnailMIMEType, Long thumbnailFileSize) {
    this(fileUrl, fileName, fileMIMEType, fileSize, thumbnailUrl, thumbnailMIMEType,
        thumbnailFileSize, null);
  }
}
