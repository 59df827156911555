package org.openmaap.platform.webhook;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * One bot's lanes and its own budget of requests in flight: nothing here is shared with another
 * bot, so a bot that hangs or fails uses up only its own slots.
 */
final class BotQueue {

  final String botId;
  private final Map<String, Lane> lanes = new HashMap<>();
  /** Lanes whose head is due and waits for a free slot, first come first served. */
  final Queue<Lane> ready = new ArrayDeque<>();
  int inFlight;

  BotQueue(String botId) {
    this.botId = botId;
  }

  Lane lane(String conversationId) {
    return lanes.computeIfAbsent(conversationId, Lane::new);
  }

  Collection<Lane> lanes() {
    return lanes.values();
  }

  void drop(Lane lane) {
    lanes.remove(lane.conversationId);
  }

  boolean isEmpty() {
    return lanes.isEmpty() && inFlight == 0;
  }
}
