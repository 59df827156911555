package org.openmaap.platform.cluster;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.delivery.OtherNodes;
import org.openmaap.platform.store.Store;

/**
 * This node's side of the signals between the nodes of one store: what it tells the others (as
 * {@link OtherNodes}, and {@link #chatbotChanged}), and what it hands its {@link Receiver} when
 * another node tells it something. A signal is a small JSON object naming its node; a node ignores
 * its own. Signals are hints: what must not be lost is in the store's rows.
 */
public final class ClusterSignals implements OtherNodes {

  private static final Logger LOG = Logger.getLogger(ClusterSignals.class.getName());

  /** What another node asks of this one. */
  public interface Receiver extends OtherNodes {

    /** A chatbot was registered, changed, rotated or deleted: read it again. */
    void chatbotChanged(String botId);

    /** Signals may have been lost: read again whatever is kept from the rows (the chatbots). */
    void signalsLost();
  }

  private final Store store;
  private final String node;

  public ClusterSignals(Store store, String node) {
    this.store = store;
    this.node = node;
  }

  /** Starts handing other nodes' signals to {@code receiver}, on the caller's context. */
  public void start(Receiver receiver) {
    store.onSignal(payload -> received(payload, receiver));
  }

  /** Tells the other nodes that a chatbot was registered, changed, rotated or deleted. */
  public void chatbotChanged(String botId) {
    send(signal("chatbot").put("b", botId));
  }

  @Override
  public void waiting(String msisdn) {
    send(signal("waiting").put("u", msisdn));
  }

  @Override
  public void revoke(String msisdn, String botId, String msgId) {
    send(signal("revoke").put("u", msisdn).put("b", botId).put("m", msgId));
  }

  @Override
  public void typing(String msisdn, String botId, TypingState state) {
    send(signal("typing").put("u", msisdn).put("b", botId).put("s", state.name()));
  }

  @Override
  public void displayed(String msisdn, String botId, String msgId) {
    send(signal("displayed").put("u", msisdn).put("b", botId).put("m", msgId));
  }

  @Override
  public void capabilitiesChanged(String msisdn) {
    send(signal("capabilities").put("u", msisdn));
  }

  private JsonObject signal(String type) {
    return new JsonObject().put("n", node).put("t", type);
  }

  private void send(JsonObject signal) {
    store.signal(signal.encode()).onFailure(e -> LOG.log(Level.WARNING,
        "could not tell the other nodes (" + signal.getString("t") + "): " + e.getMessage()));
  }

  private void received(String payload, Receiver receiver) {
    if (Store.SIGNALS_LOST.equals(payload)) {
      receiver.signalsLost();
      return;
    }
    JsonObject signal;
    try {
      signal = new JsonObject(payload);
    } catch (DecodeException e) {
      LOG.warning("ignored a signal that is not JSON: " + payload);
      return;
    }
    if (node.equals(signal.getString("n"))) {
      return;
    }
    String user = signal.getString("u");
    String botId = signal.getString("b");
    String msgId = signal.getString("m");
    try {
      switch (String.valueOf(signal.getString("t"))) {
        case "chatbot" -> receiver.chatbotChanged(botId);
        case "waiting" -> receiver.waiting(user);
        case "revoke" -> receiver.revoke(user, botId, msgId);
        case "typing" -> receiver.typing(user, botId, TypingState.valueOf(signal.getString("s")));
        case "displayed" -> receiver.displayed(user, botId, msgId);
        case "capabilities" -> receiver.capabilitiesChanged(user);
        // A newer node's signal this one does not know: the rows still tell the whole story.
        default -> LOG.fine("ignored a signal of unknown type: " + payload);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a signal from node " + signal.getString("n") + " failed: "
          + payload, e);
    }
  }
}
