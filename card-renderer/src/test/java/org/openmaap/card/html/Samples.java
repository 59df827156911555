package org.openmaap.card.html;

import java.util.List;
import org.openmaap.card.model.Action;
import org.openmaap.card.model.ActionVariant;
import org.openmaap.card.model.AudioMessage;
import org.openmaap.card.model.Botmessage;
import org.openmaap.card.model.CardCarousel;
import org.openmaap.card.model.CardContent;
import org.openmaap.card.model.CardLayout;
import org.openmaap.card.model.CardLayout.CardOrientation;
import org.openmaap.card.model.CardLayout.ImageAlignment;
import org.openmaap.card.model.CardMessage;
import org.openmaap.card.model.CarouselLayout;
import org.openmaap.card.model.CarouselLayout.CardWidth;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.FontStyle;
import org.openmaap.card.model.GeneralPurposeCard;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.Media;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.card.model.Postback;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.card.model.Reply;
import org.openmaap.card.model.SuggestedChipList;
import org.openmaap.card.model.Suggestion;
import org.openmaap.card.model.SuggestionResponse;

/** Small model factories for what the valid fixtures do not cover (video, RIGHT, typing, ...). */
public final class Samples {

  private Samples() {}

  static Media image(MediaHeight height) {
    return new Media("https://cdn.example.com/a.jpg", "image/jpeg", 1000L, height, null, null,
        null, "A picture");
  }

  static Media video(String thumbnailUrl) {
    return new Media("https://cdn.example.com/clip.mp4", "video/mp4", 900_000L,
        MediaHeight.MEDIUM_HEIGHT, thumbnailUrl, thumbnailUrl == null ? null : "image/jpeg",
        thumbnailUrl == null ? null : 9000L, "Trailer");
  }

  static Reply reply(String displayText, String postback) {
    return new Reply(displayText, new Postback(postback));
  }

  static Action action(ActionVariant variant, String displayText, String postback) {
    return Action.of(variant, displayText, new Postback(postback));
  }

  static CardContent content(Media media, String title, String description,
      Suggestion... suggestions) {
    return new CardContent(media, title, description,
        suggestions.length == 0 ? null : List.of(suggestions));
  }

  static Botmessage card(CardLayout layout, CardContent content) {
    return new Botmessage(new CardMessage(new GeneralPurposeCard(layout, content), null));
  }

  static CardLayout vertical() {
    return new CardLayout(CardOrientation.VERTICAL, null, null, null, null);
  }

  static CardLayout horizontal(ImageAlignment alignment) {
    return new CardLayout(CardOrientation.HORIZONTAL, alignment, null, null, null);
  }

  static CardLayout styled(List<FontStyle> title, List<FontStyle> description) {
    return new CardLayout(CardOrientation.VERTICAL, null, title, description, null);
  }

  static Botmessage carousel(CardWidth width, CardContent... cards) {
    return new Botmessage(new CardMessage(null,
        new CardCarousel(new CarouselLayout(width, null, null, null), List.of(cards))));
  }

  static RcsMessage typing(TypingState state) {
    return message(null, null, null, null, null, state, null, null);
  }

  static RcsMessage audio(Long seconds) {
    return message(null, null,
        new AudioMessage("https://cdn.example.com/voice.m4a", "audio/mp4", 120_000L, seconds),
        null, null, null, null, null);
  }

  static RcsMessage file(FileMessage file) {
    return message(null, file, null, null, null, null, null, null);
  }

  static RcsMessage location(GeolocationPushMessage location) {
    return message(null, null, null, location, null, null, null, null);
  }

  static RcsMessage rich(Botmessage bot, Suggestion... chips) {
    return message(null, null, null, null, bot, null, null,
        chips.length == 0 ? null : new SuggestedChipList(List.of(chips)));
  }

  static RcsMessage text(String text, Suggestion... chips) {
    return message(text, null, null, null, null, null, null,
        chips.length == 0 ? null : new SuggestedChipList(List.of(chips)));
  }

  static RcsMessage response(Suggestion tapped) {
    return message(null, null, null, null, null, null, SuggestionResponse.to(tapped), null);
  }

  static RcsMessage message(String text, FileMessage file, AudioMessage audio,
      GeolocationPushMessage location, Botmessage rich, TypingState typing,
      SuggestionResponse response, SuggestedChipList chips) {
    return new RcsMessage(null, text, file, audio, location, rich, typing, response, chips, null,
        null, null, null, null, null, null);
  }

  /** One of every look the fixtures miss, for the browser screenshots. */
  public static List<Named> gallery() {
    return List.of(
        new Named("vertical-video", rich(card(vertical(), content(
            video("https://cdn.example.com/poster.jpg"), "Season 2 trailer",
            "Two minutes, no spoilers.",
            action(new ActionVariant.OpenUrl("https://tv.example.com/s2", null, null, null),
                "Watch on the web", "watch"),
            action(new ActionVariant.CreateCalendarEvent("2026-12-01T20:00:00Z",
                "2026-12-01T21:00:00Z", "Premiere", null, null), "Add premiere", "cal"))))),
        new Named("video-no-thumbnail", rich(card(horizontal(ImageAlignment.RIGHT), content(
            video(null), "Behind the scenes", "A clip without a poster frame.",
            reply("Play later", "later"))))),
        new Named("tall-styled", rich(card(
            styled(List.of(FontStyle.ITALICS, FontStyle.UNDERLINE), List.of(FontStyle.BOLD)),
            content(image(MediaHeight.TALL_HEIGHT), "Italic underlined title",
                "Bold description under a tall image.",
                action(new ActionVariant.DialVideoCall("+4930123456", null), "Video call", "vc"),
                action(new ActionVariant.ComposeRecordingMessage("+4930123456",
                    ActionVariant.ComposeRecordingMessage.RecordingType.AUDIO), "Voice note",
                    "rec"))))),
        new Named("small-carousel", rich(carousel(CardWidth.SMALL_WIDTH,
            content(image(MediaHeight.SHORT_HEIGHT), "Espresso", "Short and strong.",
                reply("Add", "add:espresso")),
            content(image(MediaHeight.SHORT_HEIGHT), "Flat white", "Velvety microfoam.",
                reply("Add", "add:flat-white")),
            content(null, "Cortado", "Equal parts espresso and milk.",
                action(new ActionVariant.ShowLocation(new ActionVariant.Location(null, null,
                    null, "coffee near me"), null), "Find one", "find"))),
            reply("Checkout", "checkout"),
            action(new ActionVariant.RequestDeviceSpecifics(), "Share device", "device"),
            action(new ActionVariant.DisableAnonymization(), "Show my number", "anon"))),
        new Named("typing", typing(TypingState.ACTIVE)),
        new Named("response", response(reply("Order one", "order:latte"))),
        new Named("audio", audio(42L)),
        new Named("rtl-text", text("\u0645\u0631\u062d\u0628\u0627! \u202eevil.exe\u202c ok",
            action(new ActionVariant.ComposeTextMessage("+4930123456", "Hello there"),
                "\u05e9\u05dc\u05d5\u05dd", "hebrew"),
            action(new ActionVariant.DialEnrichedCall("+4930123456", "Your order", null),
                "Call about it", "enriched"))));
  }

  /** A sample with a file-friendly name. */
  public record Named(String name, RcsMessage message) {
    @Override
    public String toString() {
      return name;
    }
  }
}
