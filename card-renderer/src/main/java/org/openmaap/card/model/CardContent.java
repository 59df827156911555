package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** What one card shows: at least one of media, title and description, and up to 4 suggestions. */
public record CardContent(
    Media media, String title, String description, List<Suggestion> suggestions) {

  /** The card's suggestions, or an empty list when it has none. */
  @JsonIgnore
  public List<Suggestion> suggestionsOrEmpty() {
    return suggestions == null ? List.of() : suggestions;
  }
}
