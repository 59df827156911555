package org.openmaap.card.html;

import java.util.ArrayList;
import java.util.List;
import org.openmaap.card.model.Botmessage;
import org.openmaap.card.model.CardContent;
import org.openmaap.card.model.CardMessage;
import org.openmaap.card.model.Document;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.SendRequest;
import org.openmaap.card.model.SuggestedChipList;
import org.openmaap.card.model.Suggestion;

/** What a phone must show for a document, read off the model independently of the renderer. */
public record Shown(List<String> titles, List<String> descriptions, List<String> labels) {

  public static Shown of(Document document) {
    Shown shown = new Shown(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    if (document instanceof SendRequest request) {
      shown.add(request.rcsMessage());
    } else if (document instanceof Botmessage bot) {
      shown.add(bot);
    } else if (document instanceof SuggestedChipList chips) {
      shown.add(chips.suggestions());
    }
    return shown;
  }

  public static Shown of(RcsMessage message) {
    Shown shown = new Shown(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    shown.add(message);
    return shown;
  }

  private void add(RcsMessage message) {
    if (message.richcardMessage() != null) {
      add(message.richcardMessage());
    }
    add(message.chips());
  }

  private void add(Botmessage bot) {
    CardMessage message = bot.message();
    if (message.generalPurposeCard() != null) {
      add(message.generalPurposeCard().content());
    } else {
      message.generalPurposeCardCarousel().content().forEach(this::add);
    }
  }

  private void add(CardContent card) {
    if (card.title() != null) {
      titles.add(card.title());
    }
    if (card.description() != null) {
      descriptions.add(card.description());
    }
    add(card.suggestionsOrEmpty());
  }

  private void add(List<Suggestion> suggestions) {
    suggestions.forEach(s -> labels.add(s.displayText()));
  }
}
