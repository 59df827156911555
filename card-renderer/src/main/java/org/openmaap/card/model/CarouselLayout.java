package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** How a carousel is laid out; {@code cardWidth} defaults to SMALL_WIDTH. */
public record CarouselLayout(
    CardWidth cardWidth,
    List<FontStyle> titleFontStyle,
    List<FontStyle> descriptionFontStyle,
    String style) {

  /** The width of every card in a carousel. */
  public enum CardWidth { SMALL_WIDTH, MEDIUM_WIDTH }

  /** The card width in force: the given one, else SMALL_WIDTH. */
  @JsonIgnore
  public CardWidth effectiveCardWidth() {
    return cardWidth == null ? CardWidth.SMALL_WIDTH : cardWidth;
  }
}
