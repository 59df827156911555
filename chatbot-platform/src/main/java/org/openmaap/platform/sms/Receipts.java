package org.openmaap.platform.sms;

import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands receipts to the listener under the id submit_sm_resp gave. A receipt can overtake the
 * submit_sm_resp it follows (jSMPP reads both on different threads), so a receipt whose id is not
 * known yet waits a little for it before it goes out as printed. Used from one context only.
 */
final class Receipts {
  static final long GRACE_MS = 2_000;

  private final Vertx vertx;
  private final Consumer<Receipt> listener;
  private final SmscIds ids = new SmscIds();
  private final List<Receipt> waiting = new ArrayList<>();

  Receipts(Vertx vertx, Consumer<Receipt> listener) {
    this.vertx = vertx;
    this.listener = listener;
  }

  /** Remembers an id submit_sm_resp gave, and releases a receipt that was waiting for it. */
  void submitted(String id) {
    ids.add(id);
    if (waiting.isEmpty()) {
      return;
    }
    for (Iterator<Receipt> it = waiting.iterator(); it.hasNext(); ) {
      Receipt receipt = it.next();
      String found = ids.find(receipt.id());
      if (found != null) {
        it.remove();
        listener.accept(new Receipt(found, receipt.stat(), receipt.err()));
      }
    }
  }

  /** Reports a receipt now if its message is known, else after the grace period. */
  void received(Receipt receipt) {
    String found = ids.find(receipt.id());
    if (found != null) {
      listener.accept(new Receipt(found, receipt.stat(), receipt.err()));
      return;
    }
    waiting.add(receipt);
    vertx.setTimer(GRACE_MS, timer -> {
      if (waiting.remove(receipt)) {
        listener.accept(receipt);
      }
    });
  }
}
