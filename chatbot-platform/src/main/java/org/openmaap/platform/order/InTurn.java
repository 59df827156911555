package org.openmaap.platform.order;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs the work of one key after the work called before it for that key has finished, in call
 * order, whichever threads call: a user's messages to a chatbot are stored (and reach it) in the
 * order the user sent them, even when the first takes longer (it starts the conversation), and a
 * conversation's webhook events are stored in the order they were enqueued, and a bot's messages
 * reach the user's links in the order they were stored.
 */
public final class InTurn {

  private final Map<String, Future<?>> last = new ConcurrentHashMap<>();

  /** Runs {@code work} once every earlier call's work for {@code key} has finished. */
  public <T> Future<T> run(String key, Supplier<Future<T>> work) {
    Promise<T> done = Promise.promise();
    Future<T> turn = done.future();
    Future<?> before = last.put(key, turn);
    Future<?> previous = before == null ? Future.succeededFuture() : before;
    previous.onComplete(ignored -> {
      try {
        work.get().onComplete(done);
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    // The last turn of a key leaves no entry behind.
    turn.onComplete(ignored -> last.remove(key, turn));
    return turn;
  }
}
