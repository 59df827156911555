package org.openmaap.platform.sms;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.openmaap.platform.sms.MoParts.Part;
import org.openmaap.platform.sms.UserData.Concat;
import org.openmaap.platform.sms.UserData.Parsed;

/**
 * Turns mobile-originated deliver_sm into texts: drops what the SMSC redelivers within the window,
 * joins concatenated parts in their order, and decodes the joined bytes (so an escape or a surrogate
 * pair cut between parts still reads right). What it took and the parts waiting for the rest of
 * their text are noted in {@link MoParts}, so that they outlive the process. Used from one context
 * only.
 */
final class Inbound {
  private static final Logger LOG = Logger.getLogger(Inbound.class.getName());

  /** Receives a complete text. */
  interface Sink {
    void message(String from, String to, String text);
  }

  private final Sink sink;
  private final MoParts parts;
  private final Duration window;
  private final Clock clock;

  Inbound(Sink sink, MoParts parts, Duration window, Clock clock) {
    this.sink = sink;
    this.parts = parts;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Takes a user's SMS, completing once it is noted durably (the deliver_sm may be answered then)
   * and, when it completed a text, the text went to the sink.
   */
  Future<Void> accept(Delivered sm) {
    Instant now = clock.instant();
    Instant until = now.plus(window);
    Parsed parsed = UserData.parse(sm.esmClass(), sm.shortMessage());
    Concat concat = parsed.concat();
    String conversation = sm.from() + '\u0000' + sm.to() + '\u0000';
    if (concat == null) {
      String key = conversation + sm.dataCoding() + '\u0000'
          + new String(parsed.payload(), StandardCharsets.ISO_8859_1);
      return parts.firstTime(digest(key), now, until).map(first -> {
        if (first) {
          sink.message(sm.from(), sm.to(), UserData.decode(sm.dataCoding(), parsed.payload()));
        }
        return null;
      });
    }
    String key = conversation + concat.reference() + '/' + concat.total() + '#'
        + concat.sequence();
    Part part = new Part(sm.from(), sm.to(), concat.reference(), concat.total(),
        concat.sequence(), sm.dataCoding(), parsed.payload(), now);
    return parts.part(part, digest(key), until).map(whole -> {
      if (!whole.isEmpty()) {
        byte[] joined = UserData.join(whole.stream().map(Part::payload).toList());
        sink.message(sm.from(), sm.to(), UserData.decode(whole.get(0).dataCoding(), joined));
      }
      return null;
    });
  }

  /** Forgets what was taken longer ago than the window, and drops texts still missing parts. */
  Future<Void> sweep() {
    Instant now = clock.instant();
    // A part that never came: after the window no redelivery will bring it either.
    return parts.expire(now, now.minus(window)).map(dropped -> {
      Map<String, List<Integer>> byText = dropped.stream().collect(Collectors.groupingBy(
          part -> part.from() + ' ' + part.to() + ' ' + part.reference() + '/' + part.total(),
          LinkedHashMap::new, Collectors.mapping(Part::sequence, Collectors.toList())));
      byText.forEach((text, have) -> LOG.warning(() ->
          "dropped a concatenated SMS missing parts: have " + have + " of " + text));
      return null;
    });
  }

  // A fixed-length key whatever the text's length, and free of the NULs that separate its fields.
  private static String digest(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
