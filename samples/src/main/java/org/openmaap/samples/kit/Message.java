package org.openmaap.samples.kit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.openmaap.card.model.Botmessage;
import org.openmaap.card.model.CardCarousel;
import org.openmaap.card.model.CardLayout;
import org.openmaap.card.model.CardMessage;
import org.openmaap.card.model.CarouselLayout;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeneralPurposeCard;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.SuggestedChipList;
import org.openmaap.card.model.Suggestion;

/**
 * A message a chatbot sends, built on card-renderer's model: one content (text, card, carousel,
 * file or location), optional chips below it, and delivery options such as the SMS text.
 */
public final class Message {

  private final String text;
  private final Botmessage richcard;
  private final FileMessage file;
  private final GeolocationPushMessage location;
  private final List<Suggestion> chips;
  private final String smsText;
  private final Instant expiry;

  private Message(String text, Botmessage richcard, FileMessage file,
      GeolocationPushMessage location, List<Suggestion> chips, String smsText, Instant expiry) {
    this.text = text;
    this.richcard = richcard;
    this.file = file;
    this.location = location;
    this.chips = chips;
    this.smsText = smsText;
    this.expiry = expiry;
  }

  /** A text message (1 to 3072 characters). */
  public static Message text(String text) {
    return new Message(text, null, null, null, List.of(), null, null);
  }

  /** A single vertical card. */
  public static Message card(Card card) {
    CardLayout vertical = new CardLayout(CardLayout.CardOrientation.VERTICAL, null, null, null,
        null);
    return richcard(new CardMessage(new GeneralPurposeCard(vertical, card.toModel()), null));
  }

  /** A carousel of 2 to 10 medium-width cards, scrolled sideways. */
  public static Message carousel(Card... cards) {
    CarouselLayout medium = new CarouselLayout(CarouselLayout.CardWidth.MEDIUM_WIDTH, null, null,
        null);
    return richcard(new CardMessage(null, new CardCarousel(medium,
        Arrays.stream(cards).map(Card::toModel).toList())));
  }

  /** A file the phone downloads, such as a PDF uploaded with {@link ChatbotClient#upload}. */
  public static Message file(ChatbotClient.UploadedFile uploaded, String fileName) {
    return file(new FileMessage(uploaded.fileUrl(), fileName, uploaded.contentType(),
        uploaded.fileSize(), null, null, null));
  }

  /** A file message as card-renderer's model has it. */
  public static Message file(FileMessage file) {
    return new Message(null, null, file, null, List.of(), null, null);
  }

  /** A location pin with a label. */
  public static Message location(double latitude, double longitude, String label) {
    return new Message(null, null, null,
        new GeolocationPushMessage(latitude + " " + longitude, label, null, null, null),
        List.of(), null, null);
  }

  private static Message richcard(CardMessage card) {
    return new Message(null, new Botmessage(card), null, null, List.of(), null, null);
  }

  /** This message with chips below it (1 to 11 replies or actions). */
  public Message chips(Suggestion... newChips) {
    return new Message(text, richcard, file, location, List.of(newChips), smsText, expiry);
  }

  /**
   * This message with the text a phone without RCS gets instead. Keep the chips' numbers in it
   * (card buttons first, then chips: "1) ..."), because an SMS answer is matched by number.
   */
  public Message smsText(String newSmsText) {
    return new Message(text, richcard, file, location, chips, newSmsText, expiry);
  }

  /** This message, taken back (and sent as SMS if allowed) if the phone has not got it by then. */
  public Message expiry(Instant newExpiry) {
    return new Message(text, richcard, file, location, chips, smsText, newExpiry);
  }

  /** The RCSMessage of card-renderer's model, as the Chatbot API takes it. */
  public RcsMessage toModel() {
    return new RcsMessage(null, text, file, null, location, richcard, null, null,
        chips.isEmpty() ? null : new SuggestedChipList(chips), null, null,
        expiry == null ? null : expiry.toString(), null, smsText, null, null);
  }
}
