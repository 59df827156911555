package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.stream.Stream;

/** A suggested action: exactly one of the action groups is set, holding one variant. */
public record Action(
    ActionVariant.UrlAction urlAction,
    ActionVariant.DialerAction dialerAction,
    ActionVariant.MapAction mapAction,
    ActionVariant.CalendarAction calendarAction,
    ActionVariant.ComposeAction composeAction,
    ActionVariant.DeviceAction deviceAction,
    ActionVariant.SettingsAction settingsAction,
    String displayText,
    Postback postback)
    implements Suggestion {

  /** The one action variant this suggestion carries, e.g. an {@link ActionVariant.OpenUrl}. */
  @JsonIgnore
  public ActionVariant variant() {
    return Stream.of(urlAction, dialerAction, mapAction, calendarAction, composeAction,
            deviceAction, settingsAction)
        .filter(Objects::nonNull)
        .map(ActionVariant.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("action has no action object"));
  }

  /** An action of the given variant with the given label and postback. */
  public static Action of(ActionVariant variant, String displayText, Postback postback) {
    return new Action(
        variant instanceof ActionVariant.UrlAction u ? u : null,
        variant instanceof ActionVariant.DialerAction d ? d : null,
        variant instanceof ActionVariant.MapAction m ? m : null,
        variant instanceof ActionVariant.CalendarAction c ? c : null,
        variant instanceof ActionVariant.ComposeAction c ? c : null,
        variant instanceof ActionVariant.DeviceAction d ? d : null,
        variant instanceof ActionVariant.SettingsAction s ? s : null,
        displayText,
        postback);
  }
}
