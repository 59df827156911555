package org.openmaap.card.model;

import java.util.List;

/** {@code {"suggestions": [...]}}: 1 to 11 chips shown below a message. */
public record SuggestedChipList(List<Suggestion> suggestions) implements Document {}
