package org.openmaap.platform.sms;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsmpp.session.MessageReceiverListener;
import org.openmaap.platform.retry.Backoff;

/**
 * Keeps one SMPP session bound: binds on a worker thread, notices when the bind is lost and binds
 * again after a backoff that grows while the SMSC stays away. Used from the gateway's context only,
 * except {@link #isBound()}.
 */
final class Binder {
  private static final Logger LOG = Logger.getLogger(Binder.class.getName());

  private final Vertx vertx;
  private final Context context;
  private final SmppSettings settings;
  private final WorkerExecutor workers;
  private final Backoff backoff;
  private final MessageReceiverListener receiver;
  private final Consumer<EsmeSession> onBound;
  private final Consumer<EsmeSession> onLost;
  private volatile EsmeSession session;
  private boolean running;
  private boolean binding;
  private int failures;
  private long retryTimer = -1;

  Binder(Vertx vertx, Context context, SmppSettings settings, WorkerExecutor workers,
      Backoff backoff, MessageReceiverListener receiver, Consumer<EsmeSession> onBound,
      Consumer<EsmeSession> onLost) {
    this.vertx = vertx;
    this.context = context;
    this.settings = settings;
    this.workers = workers;
    this.backoff = backoff;
    this.receiver = receiver;
    this.onBound = onBound;
    this.onLost = onLost;
  }

  void start() {
    running = true;
    bind();
  }

  /** Unbinds and closes the session, if one is bound. */
  Future<Void> stop() {
    running = false;
    if (retryTimer != -1) {
      vertx.cancelTimer(retryTimer);
    }
    EsmeSession bound = session;
    session = null;
    if (bound == null) {
      return Future.succeededFuture();
    }
    onLost.accept(bound);
    return workers.executeBlocking(() -> {
      bound.unbindAndClose();
      return null;
    }, false);
  }

  boolean isBound() {
    EsmeSession bound = session;
    return bound != null && bound.isBound();
  }

  private void bind() {
    retryTimer = -1;
    if (!running || binding || session != null) {
      return;
    }
    binding = true;
    workers.executeBlocking(this::open, false).onComplete(result -> {
      binding = false;
      EsmeSession opened = result.succeeded() ? result.result() : null;
      // A session can drop between its bind and this line; its state listener then saw a
      // session that was not current yet, so the check has to happen here.
      if (opened != null && running && opened.isBound()) {
        failures = 0;
        session = opened;
        LOG.info(() -> "bound to the SMSC at " + settings.host() + ":" + settings.port()
            + " as " + settings.systemId());
        onBound.accept(opened);
        return;
      }
      if (opened != null) {
        close(opened);
      }
      if (running) {
        failures++;
        long delay = backoff.delay(failures);
        Throwable cause = result.cause();
        LOG.log(failures == 1 ? Level.WARNING : Level.FINE, "cannot bind to the SMSC at "
            + settings.host() + ":" + settings.port() + " (" + (cause == null ? "lost at once"
            : cause.getMessage()) + "); trying again in " + delay + " ms");
        retryTimer = vertx.setTimer(delay, id -> bind());
      }
    });
  }

  private EsmeSession open() throws IOException {
    return EsmeSession.bind(settings, receiver,
        lost -> context.runOnContext(v -> lost(lost)));
  }

  private void lost(EsmeSession lost) {
    if (session != lost) {
      return;
    }
    session = null;
    LOG.warning(() -> "lost the bind to the SMSC at " + settings.host() + ":" + settings.port()
        + "; binding again");
    onLost.accept(lost);
    close(lost);
    if (running) {
      retryTimer = vertx.setTimer(backoff.delay(1), id -> bind());
    }
  }

  private void close(EsmeSession closing) {
    workers.executeBlocking(() -> {
      closing.close();
      return null;
    }, false);
  }
}
