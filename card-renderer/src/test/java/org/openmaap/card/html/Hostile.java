package org.openmaap.card.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.openmaap.card.model.Action;
import org.openmaap.card.model.ActionVariant;
import org.openmaap.card.model.ActionVariant.Location;
import org.openmaap.card.model.AudioMessage;
import org.openmaap.card.model.Botmessage;
import org.openmaap.card.model.CardCarousel;
import org.openmaap.card.model.CardContent;
import org.openmaap.card.model.CardLayout;
import org.openmaap.card.model.CardLayout.CardOrientation;
import org.openmaap.card.model.CardLayout.ImageAlignment;
import org.openmaap.card.model.CardMessage;
import org.openmaap.card.model.CarouselLayout;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeneralPurposeCard;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.card.model.Postback;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.Reply;
import org.openmaap.card.model.SuggestedChipList;
import org.openmaap.card.model.Suggestion;
import org.openmaap.card.model.SuggestionResponse;

/**
 * Hostile model records built directly (the validator would refuse most of them, so this proves
 * the renderer itself is safe) and the checks that their HTML is inert.
 */
final class Hostile {

  /** Every suggestion kind, every text field and every URL field the renderer reads. */
  static final int SUGGESTIONS_PER_CARD = 14;

  private static final Pattern ALLOWED_LINK = Pattern.compile("^(https?|tel|sms|geo|mailto):.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ALLOWED_SOURCE = Pattern.compile("^https?:.*",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "xlink:href",
      "action", "formaction", "poster", "background", "srcset", "data-url", "data-fallback-url");

  private Hostile() {}

  /**
   * One RCSMessage with every content member set at once (the renderer draws each it finds):
   * text, file, audio, location, a card with media and every action kind, a carousel, the user's
   * response and chips, with {@code text} in every text field and {@code url} in every URL field.
   */
  static RcsMessage everything(String text, String url) {
    Postback postback = new Postback(text);
    List<Suggestion> suggestions = List.of(
        new Reply(text, postback),
        Action.of(new ActionVariant.OpenUrl(url, null, null, text), text, postback),
        Action.of(new ActionVariant.DialPhoneNumber(text, url), text, postback),
        Action.of(new ActionVariant.DialVideoCall(text, url), text, postback),
        Action.of(new ActionVariant.DialEnrichedCall(text, text, url), text, postback),
        Action.of(new ActionVariant.ShowLocation(new Location(null, null, text, text), url),
            text, postback),
        Action.of(new ActionVariant.ShowLocation(new Location(1.5, 2.5, text, null), url),
            text, postback),
        Action.of(new ActionVariant.RequestLocationPush(), text, postback),
        Action.of(new ActionVariant.CreateCalendarEvent(text, text, text, text, url), text,
            postback),
        Action.of(new ActionVariant.ComposeTextMessage(text, text), text, postback),
        Action.of(new ActionVariant.ComposeRecordingMessage(text, null), text, postback),
        Action.of(new ActionVariant.RequestDeviceSpecifics(), text, postback),
        Action.of(new ActionVariant.DisableAnonymization(), text, postback),
        Action.of(new ActionVariant.EnableDisplayedNotifications(), text, postback));
    Media image = new Media(url, "image/png", 1L, MediaHeight.TALL_HEIGHT, url, "image/png", 1L,
        text);
    Media video = new Media(url, "video/mp4", 1L, MediaHeight.SHORT_HEIGHT, url, "image/png", 1L,
        text);
    Media audio = new Media(url, "audio/mpeg", 1L, MediaHeight.SHORT_HEIGHT, null, null, null,
        text);
    CardContent card = new CardContent(image, text, text, suggestions);
    CardLayout layout = new CardLayout(CardOrientation.HORIZONTAL, ImageAlignment.RIGHT, null,
        null, url);
    CardCarousel carousel = new CardCarousel(new CarouselLayout(null, null, null, url), List.of(
        new CardContent(video, text, text, List.of(new Reply(text, postback))),
        new CardContent(audio, text, text, null)));
    Botmessage rich = new Botmessage(
        new CardMessage(new GeneralPurposeCard(layout, card), carousel));
    return new RcsMessage(text, text,
        new FileMessage(url, text, text, 1L, url, text, 1L),
        new AudioMessage(url, text, 1L, 1L),
        new GeolocationPushMessage(text, text, text, text, 5.0),
        rich, null,
        SuggestionResponse.to(new Reply(text, postback)),
        new SuggestedChipList(suggestions),
        null, text, text, null, text, null, text);
  }

  /** Parses a fragment and checks it cannot run anything or load anything but http(s). */
  static Element assertInert(String html) {
    assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<iframe", "<style",
        "<link", "<object", "<embed", "<base", "<meta", "<form");
    Elements roots = Jsoup.parseBodyFragment(html).body().children();
    assertThat(roots).as("one root element, nothing broke out of it").hasSize(1);
    Element root = roots.first();
    assertThat(root.classNames()).contains("omp-preview");
    assertThat(root.select("script, iframe, frame, object, embed, link, style, base, meta, form"))
        .isEmpty();
    for (Element element : root.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        assertThat(name).as("attribute on <%s>", element.tagName())
            .doesNotStartWith("on").isNotIn("style", "srcdoc", "formaction");
        if (URL_ATTRIBUTES.contains(name)) {
          Pattern allowed = name.equals("src") ? ALLOWED_SOURCE : ALLOWED_LINK;
          assertThat(attribute.getValue()).as("%s on <%s>", name, element.tagName())
              .matches(allowed)
              .doesNotContainPattern("[\\x00-\\x20\\x7f]");
        }
      }
    }
    return root;
  }

  /** The tag and class of every element, in document order: the shape, without the data. */
  static List<String> shape(Element root) {
    return root.getAllElements().stream()
        .map(e -> e.tagName() + "." + e.className())
        .toList();
  }
}
