package org.openmaap.platform.sms;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.openmaap.platform.sms.UserData.Concat;
import org.openmaap.platform.sms.UserData.Parsed;

/**
 * Turns mobile-originated deliver_sm into texts: drops what the SMSC redelivers within the window,
 * joins concatenated parts in their order, and decodes the joined bytes (so an escape or a surrogate
 * pair cut between parts still reads right). Used from one context only.
 */
final class Inbound {
  private static final Logger LOG = Logger.getLogger(Inbound.class.getName());

  /** Receives a complete text. */
  interface Sink {
    void message(String from, String to, String text);
  }

  private final Sink sink;
  private final long window;
  private final LongSupplier nanoTime;
  // Insertion order is expiry order, since every key lives for the same window.
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
  private final LinkedHashMap<String, Partial> partials = new LinkedHashMap<>();

  Inbound(Sink sink, Duration window, LongSupplier nanoTime) {
    this.sink = sink;
    this.window = window.toNanos();
    this.nanoTime = nanoTime;
  }

  void accept(Delivered sm) {
    long now = nanoTime.getAsLong();
    expire(now);
    Parsed parsed = UserData.parse(sm.esmClass(), sm.shortMessage());
    Concat concat = parsed.concat();
    String conversation = sm.from() + '\u0000' + sm.to() + '\u0000';
    if (concat == null) {
      String key = conversation + sm.dataCoding() + '\u0000'
          + new String(parsed.payload(), StandardCharsets.ISO_8859_1);
      if (firstTime(key, now)) {
        sink.message(sm.from(), sm.to(), UserData.decode(sm.dataCoding(), parsed.payload()));
      }
      return;
    }
    String group = conversation + concat.reference() + '/' + concat.total();
    if (!firstTime(group + '#' + concat.sequence(), now)) {
      return;
    }
    Partial partial = partials.computeIfAbsent(group, g -> new Partial(now, sm.dataCoding()));
    partial.parts.put(concat.sequence(), parsed.payload());
    if (partial.parts.size() == concat.total()) {
      partials.remove(group);
      byte[] joined = UserData.join(new ArrayList<>(partial.parts.values()));
      sink.message(sm.from(), sm.to(), UserData.decode(partial.dataCoding, joined));
    }
  }

  private boolean firstTime(String key, long now) {
    if (seen.containsKey(key)) {
      return false;
    }
    seen.put(key, now + window);
    return true;
  }

  private void expire(long now) {
    for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
      if (it.next() - now > 0) {
        break;
      }
      it.remove();
    }
    // A part that never came: after the window no redelivery will bring it either.
    for (Iterator<Map.Entry<String, Partial>> it = partials.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Partial> entry = it.next();
      if (now - entry.getValue().startedAt < window) {
        break;
      }
      LOG.warning(() -> "dropped a concatenated SMS missing parts: have "
          + entry.getValue().parts.keySet() + " of " + entry.getKey().replace('\u0000', ' '));
      it.remove();
    }
  }

  private static final class Partial {
    final long startedAt;
    final byte dataCoding;
    final TreeMap<Integer, byte[]> parts = new TreeMap<>();

    Partial(long startedAt, byte dataCoding) {
      this.startedAt = startedAt;
      this.dataCoding = dataCoding;
    }
  }
}
