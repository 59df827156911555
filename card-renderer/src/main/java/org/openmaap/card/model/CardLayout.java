package org.openmaap.card.model;

import java.util.List;

/** How a single card is laid out. */
public record CardLayout(
    CardOrientation cardOrientation,
    ImageAlignment imageAlignment,
    List<FontStyle> titleFontStyle,
    List<FontStyle> descriptionFontStyle,
    String style) {

  /** Vertical cards put media on top; horizontal cards put it beside the text. */
  public enum CardOrientation { VERTICAL, HORIZONTAL }

  /** The side of a horizontal card the media sits on. */
  public enum ImageAlignment { LEFT, RIGHT }
}
