package org.openmaap.platform.delivery;

import org.openmaap.card.model.RcsMessage.TypingState;

/**
 * The platform's other nodes on the same store, one of which may hold the links of a number this
 * node has none for: told what those links should do. Best effort: what must not be lost is in
 * the store already, and a device that reconnects gets it from there.
 */
public interface OtherNodes {

  /** Messages wait in the store for {@code msisdn}: a node with a link for it writes them. */
  void waiting(String msisdn);

  /** A node whose link was handed the message tells it to drop it. */
  void revoke(String msisdn, String botId, String msgId);

  /** A node with a link for the number shows or hides the chatbot's typing indicator. */
  void typing(String msisdn, String botId, TypingState state);

  /** A node with a link for the number tells it that the chatbot read the user's message. */
  void displayed(String msisdn, String botId, String msgId);

  /** The number connected, or was provisioned or removed: every node forgets its capabilities. */
  void capabilitiesChanged(String msisdn);

  /** One node alone: nobody to tell. */
  OtherNodes NONE = new OtherNodes() {
    @Override
    public void waiting(String msisdn) {}

    @Override
    public void revoke(String msisdn, String botId, String msgId) {}

    @Override
    public void typing(String msisdn, String botId, TypingState state) {}

    @Override
    public void displayed(String msisdn, String botId, String msgId) {}

    @Override
    public void capabilitiesChanged(String msisdn) {}
  };
}
