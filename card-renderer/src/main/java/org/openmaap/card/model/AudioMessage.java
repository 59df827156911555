package org.openmaap.card.model;

/** An audio message: a link to the clip, its type, size, optional length in seconds and name. */
public record AudioMessage(
    String fileUrl, String fileMIMEType, Long fileSize, Long playingLength, String fileName) {

  /** An audio message without a file name. */
  public AudioMessage(String fileUrl, String fileMIMEType, Long fileSize, Long playingLength) {
    this(fileUrl, fileMIMEType, fileSize, playingLength, null);
  }
}
