package org.openmaap.platform.sms;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link MoParts} in memory only, for a gateway without a store (tests, tools): a restart forgets
 * the parts waiting for the rest of their text and what was taken. Used from one context only.
 */
final class MemoryMoParts implements MoParts {

  private final Map<String, Instant> seen = new HashMap<>();
  // Insertion order is the order texts started in, the order they go stale in.
  private final LinkedHashMap<String, TreeMap<Integer, Part>> texts = new LinkedHashMap<>();

  @Override
  public Future<Boolean> firstTime(String key, Instant now, Instant until) {
    return Future.succeededFuture(note(key, now, until));
  }

  @Override
  public Future<List<Part>> part(Part part, String key, Instant until) {
    if (!note(key, part.receivedAt(), until)) {
      return Future.succeededFuture(List.of());
    }
    String text = part.from() + '\u0000' + part.to() + '\u0000' + part.reference() + '/'
        + part.total();
    TreeMap<Integer, Part> parts = texts.computeIfAbsent(text, t -> new TreeMap<>());
    parts.putIfAbsent(part.sequence(), part);
    if (parts.size() < part.total()) {
      return Future.succeededFuture(List.of());
    }
    texts.remove(text);
    return Future.succeededFuture(List.copyOf(parts.values()));
  }

  @Override
  public Future<List<Part>> expire(Instant now, Instant staleBefore) {
    seen.values().removeIf(until -> !until.isAfter(now));
    List<Part> dropped = new ArrayList<>();
    for (Iterator<TreeMap<Integer, Part>> it = texts.values().iterator(); it.hasNext(); ) {
      TreeMap<Integer, Part> parts = it.next();
      Instant started = parts.values().stream().map(Part::receivedAt).min(Instant::compareTo)
          .orElseThrow();
      if (started.isAfter(staleBefore)) {
        break;
      }
      dropped.addAll(parts.values());
      it.remove();
    }
    return Future.succeededFuture(dropped);
  }

  private boolean note(String key, Instant now, Instant until) {
    Instant noted = seen.get(key);
    if (noted != null && noted.isAfter(now)) {
      return false;
    }
    seen.put(key, until);
    return true;
  }
}
