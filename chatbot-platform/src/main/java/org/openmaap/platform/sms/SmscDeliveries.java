package org.openmaap.platform.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;

/**
 * The embedded SMSC's deliver_sm (receipts and users' SMS) waiting for a bound ESME, sent by a few
 * threads and sent again, as SMSCs do, when the ESME does not answer or refuses.
 */
final class SmscDeliveries {
  private static final Logger LOG = Logger.getLogger(SmscDeliveries.class.getName());
  private static final int SENDERS = 4;
  private static final long RETRY_MS = 100;

  /** One deliver_sm, and what to run once the ESME accepted it. */
  record Job(Address from, Address to, byte esmClass, byte dataCoding, byte[] shortMessage,
      OptionalParameter[] parameters, Runnable accepted) {}

  private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final List<SMPPServerSession> receivers = new ArrayList<>();
  private final AtomicInteger redeliver = new AtomicInteger();
  private volatile boolean stopped;

  void start(ExecutorService threads) {
    for (int i = 0; i < SENDERS; i++) {
      threads.execute(this::run);
    }
  }

  void stop() {
    stopped = true;
    synchronized (receivers) {
      receivers.clear();
      receivers.notifyAll();
    }
  }

  void add(Job job) {
    queue.add(job);
  }

  /** Sends each of the next {@code count} deliver_sm twice, as an SMSC that missed the answer. */
  void redeliverNext(int count) {
    redeliver.set(count);
  }

  void bound(SMPPServerSession session) {
    if (session.getSessionState().isReceivable()) {
      synchronized (receivers) {
        receivers.add(session);
        receivers.notifyAll();
      }
    }
  }

  void unbound(SMPPServerSession session) {
    synchronized (receivers) {
      receivers.remove(session);
    }
  }

  boolean hasReceiver() {
    synchronized (receivers) {
      return !receivers.isEmpty();
    }
  }

  private void run() {
    while (!stopped) {
      Job job;
      try {
        job = queue.poll(200, TimeUnit.MILLISECONDS);
        if (job == null) {
          continue;
        }
        SMPPServerSession session = receiver();
        if (session == null) {
          queue.add(job);
          continue;
        }
        int times = redeliver.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 2 : 1;
        if (send(session, job, times)) {
          job.accepted().run();
        } else {
          if (!session.getSessionState().isBound()) {
            unbound(session);
          }
          Thread.sleep(RETRY_MS);
          queue.add(job);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean send(SMPPServerSession session, Job job, int times) {
    try {
      for (int i = 0; i < times; i++) {
        session.deliverShortMessage("", TypeOfNumber.valueOf((byte) job.from().ton()),
            NumberingPlanIndicator.valueOf((byte) job.from().npi()), job.from().value(),
            TypeOfNumber.valueOf((byte) job.to().ton()),
            NumberingPlanIndicator.valueOf((byte) job.to().npi()), job.to().value(),
            new ESMClass(job.esmClass()), (byte) 0, (byte) 0, new RegisteredDelivery(0),
            DataCodings.newInstance(job.dataCoding()), job.shortMessage(), job.parameters());
      }
      return true;
    } catch (Exception e) {
      LOG.fine(() -> "deliver_sm to " + job.to().display() + " goes again: " + e);
      return false;
    }
  }

  private SMPPServerSession receiver() throws InterruptedException {
    synchronized (receivers) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
      while (receivers.isEmpty() && !stopped) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return null;
        }
        receivers.wait(left);
      }
      return stopped ? null : receivers.get(0);
    }
  }
}
