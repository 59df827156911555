package org.openmaap.platform.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.openmaap.platform.ApiError;

/** The instants [from, to) that insights cover, at most {@link #MAX} long. */
record Range(Instant from, Instant to) {

  /** 31 days: 744 hours. */
  static final Duration MAX = Duration.ofDays(31);
  /** What a request that names neither end covers, up to now. */
  static final Duration DEFAULT = Duration.ofHours(24);
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  /**
   * The range of a request's {@code from} and {@code to} (either may be null): {@code to} is now
   * unless given, {@code from} a day before {@code to} unless given; a 400 naming the parameter
   * when one is not an ISO-8601 instant, or the range is empty or longer than {@link #MAX}.
   */
  static Range parse(String from, String to, Instant now) {
    Instant end = to == null ? now : instant("to", to);
    Instant start = from == null ? end.minus(DEFAULT) : instant("from", from);
    if (!start.isBefore(end)) {
      throw ApiError.badRequest("bad_value", "from must be before to; got from " + start
          + " and to " + end);
    }
    if (Duration.between(start, end).compareTo(MAX) > 0) {
      throw ApiError.badRequest("bad_value", "from and to may be at most 31 days (744 hours)"
          + " apart; got from " + start + " and to " + end);
    }
    return new Range(start, end);
  }

  /** The start of every UTC hour that has an instant of the range, ascending. */
  List<Instant> hours() {
    List<Instant> hours = new ArrayList<>();
    for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to);
        hour = hour.plus(1, ChronoUnit.HOURS)) {
      hours.add(hour);
    }
    return hours;
  }

  private static Instant instant(String name, String value) {
    Instant instant;
    try {
      instant = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("bad_value", name + " must be an ISO-8601 instant such as"
          + " 2026-12-07T00:00:00Z; got '" + value + "'");
    }
    // Message times are epoch milliseconds: an instant far from them would overflow.
    if (instant.isBefore(Instant.EPOCH) || instant.isAfter(LAST)) {
      throw ApiError.badRequest("bad_value", name + " must be in the years 1970 to 9999; got '"
          + value + "'");
    }
    return instant;
  }
}
