package org.openmaap.platform.sms;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/** A gateway listener that keeps what came in and completes futures when enough has. */
final class Recorder implements SmsGateway.Listener {

  record Receipt(String id, String stat, String err) {}

  record Sms(String from, String to, String text) {}

  private final List<Receipt> receipts = new ArrayList<>();
  private final List<Sms> messages = new ArrayList<>();
  private final List<Waiter<Receipt>> receiptWaiters = new ArrayList<>();
  private final List<Waiter<Sms>> messageWaiters = new ArrayList<>();

  private record Waiter<T>(int count, Promise<List<T>> promise) {}

  @Override
  public synchronized void onReceipt(String smscMessageId, String stat, String err) {
    receipts.add(new Receipt(smscMessageId, stat, err));
    release(receipts, receiptWaiters);
  }

  @Override
  public synchronized void onMessage(String from, String to, String text) {
    messages.add(new Sms(from, to, text));
    release(messages, messageWaiters);
  }

  /** The first {@code count} receipts, once they came. */
  synchronized Future<List<Receipt>> receipts(int count) {
    return wait(receipts, receiptWaiters, count);
  }

  /** The first {@code count} SMS, once they came. */
  synchronized Future<List<Sms>> messages(int count) {
    return wait(messages, messageWaiters, count);
  }

  synchronized List<Sms> messages() {
    return List.copyOf(messages);
  }

  private static <T> Future<List<T>> wait(List<T> items, List<Waiter<T>> waiters, int count) {
    if (items.size() >= count) {
      return Future.succeededFuture(List.copyOf(items.subList(0, count)));
    }
    Promise<List<T>> promise = Promise.promise();
    waiters.add(new Waiter<>(count, promise));
    return promise.future();
  }

  private static <T> void release(List<T> items, List<Waiter<T>> waiters) {
    waiters.removeIf(waiter -> {
      if (items.size() < waiter.count()) {
        return false;
      }
      waiter.promise().complete(List.copyOf(items.subList(0, waiter.count())));
      return true;
    });
  }
}
