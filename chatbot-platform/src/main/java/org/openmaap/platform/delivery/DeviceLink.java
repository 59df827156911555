package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import org.openmaap.card.model.RcsMessage.TypingState;

/**
 * One way to a user's phone (the device WebSocket now, SIP next): what the delivery core tells the
 * device. Each future fails when the link could not hand the device what it was given.
 */
public interface DeviceLink {

  /**
   * Which edge the link belongs to: a number has at most one link of each kind, and a newer link
   * replaces an older one of its kind (a phone reconnecting), while links of different kinds
   * coexist (a phone on SIP and in the simulator at once).
   */
  String kind();

  /** Hands the device a chatbot's message. */
  Future<Void> deliver(DeviceMessage message);

  /** Tells the device to drop a message from chatbot {@code from} that it may hold. */
  Future<Void> revoke(String from, String msgId);

  /** Shows or hides chatbot {@code from}'s typing indicator. */
  Future<Void> typing(String from, TypingState state);

  /** Tells the device that chatbot {@code from} read the user's message {@code msgId}. */
  Future<Void> displayed(String from, String msgId);
}
