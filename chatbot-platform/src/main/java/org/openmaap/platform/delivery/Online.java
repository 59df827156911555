package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openmaap.card.model.RcsMessage.TypingState;

/**
 * The links each number has now and what was handed to each: a number has at most one link of a
 * kind (a newer one replaces the older, as when a phone reconnects its WebSocket) and any number
 * of kinds at once (a phone on SIP and in the simulator); it is online while it has a link.
 * What is meant for a number with no link here goes to the {@link OtherNodes}.
 */
public final class Online {

  /**
   * How many message ids a link remembers that the device has not reported yet (a reported one is
   * forgotten); the oldest go first, so a device that never reports does not grow its link
   * without bound.
   */
  static final int REMEMBERED_MESSAGES = 10_000;

  private final Map<String, List<Session>> sessions = new ConcurrentHashMap<>();
  private final OtherNodes others;

  /** The links of a platform that is the only node. */
  public Online() {
    this(OtherNodes.NONE);
  }

  /** The links of this node; {@code others} hold the links of the numbers not connected here. */
  public Online(OtherNodes others) {
    this.others = others;
  }

  /** A link of a number and the messages handed to it, by msgId. */
  record Session(DeviceLink link, Map<String, Handed> handed) {

    static Session of(DeviceLink link) {
      return new Session(link, Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Handed> eldest) {
              return size() > REMEMBERED_MESSAGES;
            }
          }));
    }
  }

  /** A message handed to a link: the chatbot it came from, and its write to the device. */
  record Handed(String botId, Future<Void> write) {}

  /** Adds {@code link} to the number's links, in place of its link of the same kind. */
  void connect(String msisdn, DeviceLink link) {
    Session added = Session.of(link);
    sessions.merge(msisdn, List.of(added), (now, ignored) -> {
      List<Session> next = new ArrayList<>(now.stream()
          .filter(session -> !session.link().kind().equals(link.kind())).toList());
      next.add(added);
      return List.copyOf(next);
    });
  }

  /** Removes {@code link} from the number's links if it is still one of them. */
  void disconnect(String msisdn, DeviceLink link) {
    sessions.computeIfPresent(msisdn, (key, now) -> {
      List<Session> rest = now.stream().filter(session -> session.link() != link).toList();
      return rest.isEmpty() ? null : rest;
    });
  }

  /** The session of {@code link} while it is one of the number's links. */
  Optional<Session> session(String msisdn, DeviceLink link) {
    return sessions(msisdn).stream().filter(session -> session.link() == link).findFirst();
  }

  /**
   * Hands the message to each of the number's links that does not have it yet, and answers
   * whether one has it now; a link whose write fails is dropped (the phone is offline on it until
   * its edge connects it again).
   */
  Future<Boolean> deliver(String msisdn, DeviceMessage message) {
    List<Session> now = sessions(msisdn);
    if (now.isEmpty()) {
      return Future.succeededFuture(false);
    }
    return Future.any(now.stream().map(session -> write(msisdn, session, message)).toList())
        .map(true).otherwise(false);
  }

  /** {@link #deliver(String, DeviceMessage)} on one link; answers whether it has the message. */
  Future<Boolean> deliver(String msisdn, Session session, DeviceMessage message) {
    return write(msisdn, session, message).map(true).otherwise(false);
  }

  /**
   * The write of the message to the link: its earlier write when it was handed to it before (a
   * send routed while a reconnect replays what waits must not write it twice).
   */
  private Future<Void> write(String msisdn, Session session, DeviceMessage message) {
    Promise<Void> written = Promise.promise();
    Handed fresh = new Handed(message.from(), written.future());
    Handed before = session.handed().putIfAbsent(message.msgId(), fresh);
    if (before != null) {
      return before.write();
    }
    session.link().deliver(message).onComplete(written);
    return written.future().onFailure(e -> {
      session.handed().remove(message.msgId(), fresh);
      disconnect(msisdn, session.link());
    });
  }

  /**
   * Tells each link that was handed the message to drop it, here or (none here) on another node;
   * answers whether one here was.
   */
  boolean revoke(String msisdn, String botId, String msgId) {
    boolean here = revokeHere(msisdn, botId, msgId);
    if (!here) {
      others.revoke(msisdn, botId, msgId);
    }
    return here;
  }

  /** {@link #revoke} on this node's links only (another node asked). */
  public boolean revokeHere(String msisdn, String botId, String msgId) {
    List<Session> holding = sessions(msisdn).stream()
        .filter(session -> session.handed().containsKey(msgId)).toList();
    holding.forEach(session -> session.link().revoke(botId, msgId));
    return !holding.isEmpty();
  }

  /** The chatbot whose message {@code msgId} any of the number's links was handed. */
  Optional<String> botOf(String msisdn, String msgId) {
    return sessions(msisdn).stream().map(session -> session.handed().get(msgId))
        .filter(handed -> handed != null).map(Handed::botId).findFirst();
  }

  /** Forgets the message on every link: the device reported it, it is never revoked now. */
  void forget(String msisdn, String msgId) {
    sessions(msisdn).forEach(session -> session.handed().remove(msgId));
  }

  /**
   * Shows or hides a chatbot's typing indicator on every link of the number, here or (none here)
   * on another node; answers whether there was one here.
   */
  boolean typing(String msisdn, String from, TypingState state) {
    boolean here = typingHere(msisdn, from, state);
    if (!here) {
      others.typing(msisdn, from, state);
    }
    return here;
  }

  /** {@link #typing} on this node's links only (another node asked). */
  public boolean typingHere(String msisdn, String from, TypingState state) {
    List<Session> now = sessions(msisdn);
    now.forEach(session -> session.link().typing(from, state));
    return !now.isEmpty();
  }

  /**
   * Tells every link of the number, here or (none here) on another node, that the chatbot read
   * the user's message.
   */
  void displayed(String msisdn, String from, String msgId) {
    if (!displayedHere(msisdn, from, msgId)) {
      others.displayed(msisdn, from, msgId);
    }
  }

  /** {@link #displayed} on this node's links only (another node asked); whether there was one. */
  public boolean displayedHere(String msisdn, String from, String msgId) {
    List<Session> now = sessions(msisdn);
    now.forEach(session -> session.link().displayed(from, msgId));
    return !now.isEmpty();
  }

  /** What is known of the number's capabilities changed: other nodes forget theirs. */
  void capabilitiesChanged(String msisdn) {
    others.capabilitiesChanged(msisdn);
  }

  /** No link here takes the number's waiting messages: a node with one should write them. */
  void waitingElsewhere(String msisdn) {
    others.waiting(msisdn);
  }

  /** The number's links on this node. */
  List<Session> sessions(String msisdn) {
    return sessions.getOrDefault(msisdn, List.of());
  }

  /** Whether the number has a link now. */
  public boolean isConnected(String msisdn) {
    return sessions.containsKey(msisdn);
  }

  /** How many numbers have a link (for health and metrics). */
  public int count() {
    return sessions.size();
  }
}
