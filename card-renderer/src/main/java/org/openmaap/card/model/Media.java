package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An image, video or audio clip shown on a card, with an optional thumbnail. */
public record Media(
    String mediaUrl,
    String mediaContentType,
    Long mediaFileSize,
    MediaHeight height,
    String thumbnailUrl,
    String thumbnailContentType,
    Long thumbnailFileSize,
    String contentDescription) {

  /** How tall the media is drawn on the card. */
  public enum MediaHeight { SHORT_HEIGHT, MEDIUM_HEIGHT, TALL_HEIGHT }

  /** Whether this media is a video (so a client shows the thumbnail as its poster). */
  @JsonIgnore
  public boolean isVideo() {
    return mediaContentType != null && mediaContentType.startsWith("video/");
  }
}
