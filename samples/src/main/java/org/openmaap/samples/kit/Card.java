package org.openmaap.samples.kit;

import java.util.List;
import org.openmaap.card.model.CardContent;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.Suggestion;

/** One rich card: a title, a description, optional media and up to four buttons. */
public final class Card {

  private final String title;
  private final String description;
  private final Media media;
  private final List<Suggestion> buttons;

  private Card(String title, String description, Media media, List<Suggestion> buttons) {
    this.title = title;
    this.description = description;
    this.media = media;
    this.buttons = buttons;
  }

  /** A card with a title and a description (either may be null, not both). */
  public static Card of(String title, String description) {
    return new Card(title, description, null, List.of());
  }

  /** This card with an image or video on top, e.g. from {@link Assets#image}. */
  public Card media(Media newMedia) {
    return new Card(title, description, newMedia, buttons);
  }

  /** This card with these buttons (1 to 4 replies or actions). */
  public Card buttons(Suggestion... newButtons) {
    return new Card(title, description, media, List.of(newButtons));
  }

  CardContent toModel() {
    return new CardContent(media, title, description, buttons.isEmpty() ? null : buttons);
  }
}
