package org.openmaap.platform.campaign;

import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.openmaap.platform.ApiError;

/**
 * The hours of the day, in a time zone, when a campaign may send: from {@code from} up to
 * {@code to}, over midnight when {@code to} comes first (21:00 to 08:00).
 */
record SendWindow(LocalTime from, LocalTime to, ZoneId timeZone) {

  /** The window a request names, checked; a 400 naming the broken member. */
  static SendWindow parse(Object given) {
    if (!(given instanceof JsonObject window)) {
      throw bad("window must be {\"from\": \"09:00\", \"to\": \"21:00\", \"timeZone\": "
          + "\"Asia/Shanghai\"}");
    }
    LocalTime from = time(window, "from");
    LocalTime to = time(window, "to");
    if (from.equals(to)) {
      throw bad("window.from and window.to must differ; leave window out to send at any hour");
    }
    if (!(window.getValue("timeZone") instanceof String zone)) {
      throw bad("window.timeZone must be a time zone such as Asia/Shanghai");
    }
    try {
      return new SendWindow(from, to, ZoneId.of(zone));
    } catch (DateTimeException e) {
      throw bad("window.timeZone '" + zone + "' is not a time zone such as Asia/Shanghai");
    }
  }

  /** The window as stored and shown. */
  JsonObject toJson() {
    return new JsonObject().put("from", from.toString()).put("to", to.toString())
        .put("timeZone", timeZone.getId());
  }

  static SendWindow fromJson(String json) {
    JsonObject window = new JsonObject(json);
    return new SendWindow(LocalTime.parse(window.getString("from")),
        LocalTime.parse(window.getString("to")), ZoneId.of(window.getString("timeZone")));
  }

  /** {@code now} when it is inside the window, else when the window next opens. */
  Instant opensAt(Instant now) {
    ZonedDateTime local = now.atZone(timeZone);
    LocalTime time = local.toLocalTime();
    boolean inside = from.isBefore(to)
        ? !time.isBefore(from) && time.isBefore(to)
        : !time.isBefore(from) || time.isBefore(to);
    if (inside) {
      return now;
    }
    ZonedDateTime opens = local.with(from).withNano(0);
    return (opens.isAfter(local) ? opens : opens.plusDays(1)).toInstant();
  }

  private static LocalTime time(JsonObject window, String member) {
    try {
      return LocalTime.parse(String.valueOf(window.getValue(member)));
    } catch (DateTimeParseException e) {
      throw bad("window." + member + " must be a time of day such as 09:00");
    }
  }

  private static ApiError bad(String message) {
    return ApiError.badRequest("bad_value", message);
  }
}
