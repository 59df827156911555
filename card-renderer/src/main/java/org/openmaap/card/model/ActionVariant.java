package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Every suggested action a chatbot can offer, grouped as in the GSMA JSON (CARDS.md table). */
public sealed interface ActionVariant {

  /** {@code urlAction}: open a web page. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes(@JsonSubTypes.Type(value = OpenUrl.class, name = "openUrl"))
  sealed interface UrlAction extends ActionVariant permits OpenUrl {}

  /** {@code dialerAction}: start a call. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = DialPhoneNumber.class, name = "dialPhoneNumber"),
    @JsonSubTypes.Type(value = DialVideoCall.class, name = "dialVideoCall"),
    @JsonSubTypes.Type(value = DialEnrichedCall.class, name = "dialEnrichedCall")
  })
  sealed interface DialerAction extends ActionVariant
      permits DialPhoneNumber, DialVideoCall, DialEnrichedCall {

    /** The number to call. */
    String phoneNumber();

    /** Where to go when the client cannot place this kind of call. */
    String fallbackUrl();
  }

  /** {@code mapAction}: show a place, or ask the user to share theirs. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ShowLocation.class, name = "showLocation"),
    @JsonSubTypes.Type(value = RequestLocationPush.class, name = "requestLocationPush")
  })
  sealed interface MapAction extends ActionVariant permits ShowLocation, RequestLocationPush {}

  /** {@code calendarAction}: add an event to the user's calendar. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes(@JsonSubTypes.Type(value = CreateCalendarEvent.class, name = "createCalendarEvent"))
  sealed interface CalendarAction extends ActionVariant permits CreateCalendarEvent {}

  /** {@code composeAction}: open a prefilled message to someone. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = ComposeTextMessage.class, name = "composeTextMessage"),
    @JsonSubTypes.Type(value = ComposeRecordingMessage.class, name = "composeRecordingMessage")
  })
  sealed interface ComposeAction extends ActionVariant
      permits ComposeTextMessage, ComposeRecordingMessage {}

  /** {@code deviceAction}: ask the device to share its specifics. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes(
      @JsonSubTypes.Type(value = RequestDeviceSpecifics.class, name = "requestDeviceSpecifics"))
  sealed interface DeviceAction extends ActionVariant permits RequestDeviceSpecifics {}

  /** {@code settingsAction}: ask the user to change a privacy setting. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = DisableAnonymization.class, name = "disableAnonymization"),
    @JsonSubTypes.Type(
        value = EnableDisplayedNotifications.class, name = "enableDisplayedNotifications")
  })
  sealed interface SettingsAction extends ActionVariant
      permits DisableAnonymization, EnableDisplayedNotifications {}

  /** Open {@code url} in the browser or in a webview. */
  record OpenUrl(String url, Application application, ViewMode viewMode, String parameters)
      implements UrlAction {

    /** Where the page opens. */
    public enum Application {
      @JsonProperty("browser") BROWSER,
      @JsonProperty("webview") WEBVIEW
    }

    /** How much of the screen a webview takes. */
    public enum ViewMode {
      @JsonProperty("full") FULL,
      @JsonProperty("half") HALF,
      @JsonProperty("tall") TALL
    }
  }

  /** Place a voice call. */
  record DialPhoneNumber(String phoneNumber, String fallbackUrl) implements DialerAction {}

  /** Place a video call. */
  record DialVideoCall(String phoneNumber, String fallbackUrl) implements DialerAction {}

  /** Place an enriched call with a subject line. */
  record DialEnrichedCall(String phoneNumber, String subject, String fallbackUrl)
      implements DialerAction {}

  /** Show a place on a map, by coordinates or by a search query. */
  record ShowLocation(Location location, String fallbackUrl) implements MapAction {}

  /** A place: {@code latitude}, {@code longitude} and an optional label, or a {@code query}. */
  record Location(Double latitude, Double longitude, String label, String query) {}

  /** Ask the user to share their location. */
  record RequestLocationPush() implements MapAction {}

  /** Add a calendar event; times are ISO-8601 date-times. */
  record CreateCalendarEvent(
      String startTime, String endTime, String title, String description, String fallbackUrl)
      implements CalendarAction {}

  /** Open a text message to {@code phoneNumber} prefilled with {@code text}. */
  record ComposeTextMessage(String phoneNumber, String text) implements ComposeAction {}

  /** Open an audio or video recording to send to {@code phoneNumber}. */
  record ComposeRecordingMessage(String phoneNumber, RecordingType type) implements ComposeAction {

    /** The kind of recording. */
    public enum RecordingType { AUDIO, VIDEO }
  }

  /** Ask the device to share its model and software versions. */
  record RequestDeviceSpecifics() implements DeviceAction {}

  /** Ask the user to reveal their number to the chatbot. */
  record DisableAnonymization() implements SettingsAction {}

  /** Ask the user to send read receipts to the chatbot. */
  record EnableDisplayedNotifications() implements SettingsAction {}
}
