package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A font style for a card's title or description. */
public enum FontStyle {
  @JsonProperty("italics") ITALICS,
  @JsonProperty("bold") BOLD,
  @JsonProperty("underline") UNDERLINE
}
