package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.openmaap.platform.store.StatusChange;
import org.openmaap.platform.store.Store;

/**
 * A real store with faults put in on demand: the next write of a given status fails once, as a
 * write to a broken disk or a lost database connection would, and nothing of it is stored.
 */
public final class StoreFaults implements InvocationHandler {

  private final Store store;
  private final List<String> failNext = new CopyOnWriteArrayList<>();
  private final AtomicInteger fired = new AtomicInteger();
  private final Map<String, Promise<Void>> held = new ConcurrentHashMap<>();

  private StoreFaults(Store store) {
    this.store = store;
  }

  /** Faults around {@code store}; {@link #store()} is the store to hand the code under test. */
  public static StoreFaults around(Store store) {
    return new StoreFaults(store);
  }

  public Store store() {
    return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(),
        new Class<?>[] {Store.class}, this);
  }

  /** The next store call that writes a message's status to {@code status} fails. */
  public void failNextWriteOf(String status) {
    failNext.add(status);
  }

  /**
   * The next call of the store's {@code method} waits until the answered promise is completed
   * (a slow disk, a busy reader pool).
   */
  public Promise<Void> holdNext(String method) {
    Promise<Void> release = Promise.promise();
    held.put(method, release);
    return release;
  }

  /** How many calls failed so far. */
  public int fired() {
    return fired.get();
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    StatusChange change = args == null ? null : Arrays.stream(args)
        .filter(StatusChange.class::isInstance).map(StatusChange.class::cast)
        .findFirst().orElse(null);
    if (change != null && failNext.remove(change.status())) {
      fired.incrementAndGet();
      return Future.failedFuture(new IllegalStateException("injected: the store could not "
          + method.getName() + " to " + change.status()));
    }
    Promise<Void> hold = held.remove(method.getName());
    if (hold != null) {
      return hold.future().compose(v -> {
        try {
          return (Future<?>) call(method, args);
        } catch (Throwable e) {
          return Future.failedFuture(e);
        }
      });
    }
    return call(method, args);
  }

  private Object call(Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(store, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
