package org.openmaap.card.html;

import java.util.Locale;
import org.openmaap.card.model.Action;
import org.openmaap.card.model.ActionVariant;
import org.openmaap.card.model.ActionVariant.ComposeRecordingMessage;
import org.openmaap.card.model.ActionVariant.ComposeTextMessage;
import org.openmaap.card.model.ActionVariant.CreateCalendarEvent;
import org.openmaap.card.model.ActionVariant.DialEnrichedCall;
import org.openmaap.card.model.ActionVariant.DialPhoneNumber;
import org.openmaap.card.model.ActionVariant.DialVideoCall;
import org.openmaap.card.model.ActionVariant.DialerAction;
import org.openmaap.card.model.ActionVariant.DisableAnonymization;
import org.openmaap.card.model.ActionVariant.EnableDisplayedNotifications;
import org.openmaap.card.model.ActionVariant.Location;
import org.openmaap.card.model.ActionVariant.OpenUrl;
import org.openmaap.card.model.ActionVariant.RequestDeviceSpecifics;
import org.openmaap.card.model.ActionVariant.RequestLocationPush;
import org.openmaap.card.model.ActionVariant.ShowLocation;
import org.openmaap.card.model.Postback;
import org.openmaap.card.model.Suggestion;

/**
 * One suggestion as a button or chip: an {@code <a>} when the action has a link, else a
 * {@code <button>}; every one carries data-kind, data-display-text and data-postback.
 */
final class SuggestionHtml {

  private SuggestionHtml() {}

  /** Appends the suggestion; chip selects the pill look used below a message. */
  static void append(StringBuilder out, Suggestion suggestion, boolean chip) {
    String place = chip ? " omp-chip" : " omp-card-sugg";
    if (!(suggestion instanceof Action action)) {
      open(out, "button", "omp-reply" + place, "reply", suggestion);
      out.append('>');
      label(out, suggestion);
      out.append("</button>");
      return;
    }
    ActionVariant variant = action.variant();
    Kind kind = Kind.of(variant);
    String href = href(variant);
    String tag = href == null ? "button" : "a";
    open(out, tag, "omp-action" + place, kind.wireName, suggestion);
    if (href != null) {
      Html.attr(out, "href", href);
      if (href.startsWith("http")) {
        out.append(" target=\"_blank\" rel=\"noopener noreferrer\"");
      }
    }
    details(out, variant);
    out.append('>').append(kind.icon);
    label(out, suggestion);
    if (variant instanceof ShowLocation show) {
      place(out, show.location());
    }
    out.append("</").append(tag).append('>');
  }

  private static void open(
      StringBuilder out, String tag, String classes, String kind, Suggestion suggestion) {
    out.append('<').append(tag);
    if (tag.equals("button")) {
      out.append(" type=\"button\"");
    }
    out.append(" class=\"omp-sugg ").append(classes).append("\" data-kind=\"").append(kind)
        .append('"');
    Html.attr(out, "data-display-text", suggestion.displayText());
    Postback postback = suggestion.postback();
    Html.attr(out, "data-postback", postback == null ? null : postback.data());
  }

  private static void label(StringBuilder out, Suggestion suggestion) {
    out.append("<span class=\"omp-label\" dir=\"auto\">");
    Html.text(out, suggestion.displayText());
    out.append("</span>");
  }

  /** Where the action leads, or null for actions a phone handles without a link. */
  private static String href(ActionVariant variant) {
    if (variant instanceof OpenUrl open) {
      return Urls.link(open.url());
    }
    if (variant instanceof DialerAction dial) {
      String tel = Urls.tel(dial.phoneNumber());
      return tel != null ? tel : Urls.link(dial.fallbackUrl());
    }
    if (variant instanceof ShowLocation show) {
      Location at = show.location();
      String geo = at == null ? null : Urls.geo(at.latitude(), at.longitude(), null);
      if (geo != null) {
        return geo;
      }
      String fallback = Urls.link(show.fallbackUrl());
      return fallback != null || at == null ? fallback : Urls.geoQuery(at.query());
    }
    if (variant instanceof ComposeTextMessage compose) {
      return Urls.sms(compose.phoneNumber(), compose.text());
    }
    return null;
  }

  /** The action's own fields as data attributes, for the simulator; URLs only when allowed. */
  private static void details(StringBuilder out, ActionVariant variant) {
    if (variant instanceof OpenUrl open) {
      Html.attr(out, "data-url", Urls.link(open.url()));
      Html.attr(out, "data-application", lowerCase(open.application()));
      Html.attr(out, "data-view-mode", lowerCase(open.viewMode()));
    } else if (variant instanceof DialerAction dial) {
      Html.attr(out, "data-phone-number", dial.phoneNumber());
      if (variant instanceof DialEnrichedCall enriched) {
        Html.attr(out, "data-subject", enriched.subject());
      }
      Html.attr(out, "data-fallback-url", Urls.link(dial.fallbackUrl()));
    } else if (variant instanceof ShowLocation show) {
      Location at = show.location();
      if (at != null) {
        Html.attr(out, "data-lat", Urls.coordinate(at.latitude(), 90));
        Html.attr(out, "data-lon", Urls.coordinate(at.longitude(), 180));
        Html.attr(out, "data-label", at.label());
        Html.attr(out, "data-query", at.query());
      }
      Html.attr(out, "data-fallback-url", Urls.link(show.fallbackUrl()));
    } else if (variant instanceof CreateCalendarEvent event) {
      Html.attr(out, "data-start-time", event.startTime());
      Html.attr(out, "data-end-time", event.endTime());
      Html.attr(out, "data-title", event.title());
      Html.attr(out, "data-description", event.description());
      Html.attr(out, "data-fallback-url", Urls.link(event.fallbackUrl()));
    } else if (variant instanceof ComposeTextMessage compose) {
      Html.attr(out, "data-phone-number", compose.phoneNumber());
      Html.attr(out, "data-text", compose.text());
    } else if (variant instanceof ComposeRecordingMessage record) {
      Html.attr(out, "data-phone-number", record.phoneNumber());
      Html.attr(out, "data-recording-type", record.type() == null ? null : record.type().name());
    }
  }

  private static String lowerCase(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /** The place a showLocation button opens: its label, else its query, else its coordinates. */
  private static void place(StringBuilder out, Location at) {
    if (at == null) {
      return;
    }
    String lat = Urls.coordinate(at.latitude(), 90);
    String lon = Urls.coordinate(at.longitude(), 180);
    String coords = lat == null || lon == null ? null : lat + ", " + lon;
    String shown = at.label() != null ? at.label() : at.query() != null ? at.query() : coords;
    if (shown == null) {
      return;
    }
    out.append("<span class=\"omp-place\" dir=\"auto\"");
    Html.visibleAttr(out, "title", coords);
    out.append('>');
    Html.text(out, shown);
    out.append("</span>");
  }

  /** Each action's GSMA name (used as data-kind) and its glyph. */
  private enum Kind {
    OPEN_URL("openUrl", Icons.LINK),
    DIAL_PHONE_NUMBER("dialPhoneNumber", Icons.PHONE),
    DIAL_VIDEO_CALL("dialVideoCall", Icons.VIDEO),
    DIAL_ENRICHED_CALL("dialEnrichedCall", Icons.ENRICHED_CALL),
    SHOW_LOCATION("showLocation", Icons.PIN),
    REQUEST_LOCATION_PUSH("requestLocationPush", Icons.MY_LOCATION),
    CREATE_CALENDAR_EVENT("createCalendarEvent", Icons.CALENDAR),
    COMPOSE_TEXT_MESSAGE("composeTextMessage", Icons.MESSAGE),
    COMPOSE_RECORDING_MESSAGE("composeRecordingMessage", Icons.MIC),
    REQUEST_DEVICE_SPECIFICS("requestDeviceSpecifics", Icons.DEVICE),
    DISABLE_ANONYMIZATION("disableAnonymization", Icons.PERSON),
    ENABLE_DISPLAYED_NOTIFICATIONS("enableDisplayedNotifications", Icons.RECEIPT);

    final String wireName;
    final String icon;

    Kind(String wireName, String icon) {
      this.wireName = wireName;
      this.icon = icon;
    }

    static Kind of(ActionVariant variant) {
      if (variant instanceof OpenUrl) {
        return OPEN_URL;
      } else if (variant instanceof DialPhoneNumber) {
        return DIAL_PHONE_NUMBER;
      } else if (variant instanceof DialVideoCall) {
        return DIAL_VIDEO_CALL;
      } else if (variant instanceof DialEnrichedCall) {
        return DIAL_ENRICHED_CALL;
      } else if (variant instanceof ShowLocation) {
        return SHOW_LOCATION;
      } else if (variant instanceof RequestLocationPush) {
        return REQUEST_LOCATION_PUSH;
      } else if (variant instanceof CreateCalendarEvent) {
        return CREATE_CALENDAR_EVENT;
      } else if (variant instanceof ComposeTextMessage) {
        return COMPOSE_TEXT_MESSAGE;
      } else if (variant instanceof ComposeRecordingMessage) {
        return COMPOSE_RECORDING_MESSAGE;
      } else if (variant instanceof RequestDeviceSpecifics) {
        return REQUEST_DEVICE_SPECIFICS;
      } else if (variant instanceof DisableAnonymization) {
        return DISABLE_ANONYMIZATION;
      } else if (variant instanceof EnableDisplayedNotifications) {
        return ENABLE_DISPLAYED_NOTIFICATIONS;
      }
      throw new IllegalArgumentException("unknown action " + variant);
    }
  }
}

