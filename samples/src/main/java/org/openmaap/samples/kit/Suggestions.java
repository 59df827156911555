package org.openmaap.samples.kit;

import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.time.OffsetDateTime;
import org.openmaap.card.model.Action;
import org.openmaap.card.model.ActionVariant;
import org.openmaap.card.model.ActionVariant.ComposeTextMessage;
import org.openmaap.card.model.ActionVariant.CreateCalendarEvent;
import org.openmaap.card.model.ActionVariant.DialPhoneNumber;
import org.openmaap.card.model.ActionVariant.Location;
import org.openmaap.card.model.ActionVariant.OpenUrl;
import org.openmaap.card.model.ActionVariant.RequestLocationPush;
import org.openmaap.card.model.ActionVariant.ShowLocation;
import org.openmaap.card.model.Postback;
import org.openmaap.card.model.Reply;

/**
 * Suggested replies and actions (CARDS.md's table) as one-line factories; use them as chips or as
 * a card's buttons. An action's postback is its kind, e.g. {@code dialPhoneNumber}, which the
 * chatbot gets back if the phone reports the tap.
 */
public final class Suggestions {

  private Suggestions() {}

  /** A reply: tapping it (or answering its number by SMS) sends {@code postback} to the chatbot. */
  public static Reply reply(String label, String postback) {
    return new Reply(label, new Postback(postback));
  }

  /** Calls {@code phoneNumber}. */
  public static Action dial(String label, String phoneNumber) {
    return action(new DialPhoneNumber(phoneNumber, null), label, "dialPhoneNumber");
  }

  /** Opens a text message to {@code phoneNumber}, prefilled with {@code text}. */
  public static Action compose(String label, String phoneNumber, String text) {
    return action(new ComposeTextMessage(phoneNumber, text), label, "composeTextMessage");
  }

  /** Opens a web page in the browser. */
  public static Action openUrl(String label, String url) {
    return action(new OpenUrl(url, null, null, null), label, "openUrl");
  }

  /** Shows a place on the phone's map. */
  public static Action showLocation(String label, double latitude, double longitude,
      String placeName) {
    return action(new ShowLocation(new Location(latitude, longitude, placeName, null), null),
        label, "showLocation");
  }

  /** Asks the user to share where they are; it arrives as a message with a location. */
  public static Action requestLocation(String label) {
    return action(new RequestLocationPush(), label, "requestLocationPush");
  }

  /** Adds an event to the user's calendar. */
  public static Action calendar(String label, OffsetDateTime start, OffsetDateTime end,
      String title, String description) {
    return action(new CreateCalendarEvent(ISO_OFFSET_DATE_TIME.format(start),
        ISO_OFFSET_DATE_TIME.format(end), title, description, null), label,
        "createCalendarEvent");
  }

  private static Action action(ActionVariant variant, String label, String postback) {
    return Action.of(variant, label, new Postback(postback));
  }
}
