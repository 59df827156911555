package org.openmaap.platform.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * The counts and latencies of a run, written by every device's event loop. Only messages sent
 * inside the measured window count as sent, and only their round trips are in the histogram.
 */
final class Tally {

  /** Round trips in microseconds, up to a minute, to three significant digits. */
  final Recorder latencies = new Recorder(TimeUnit.MINUTES.toMicros(1), 3);

  final AtomicLong sent = new AtomicLong();
  final LongAdder completed = new LongAdder();
  final LongAdder completedInWindow = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder timeouts = new LongAdder();
  final AtomicLong inFlight = new AtomicLong();

  // Every phase, for the progress line.
  final LongAdder allSent = new LongAdder();
  final LongAdder allReplies = new LongAdder();
  final LongAdder errorFrames = new LongAdder();
  final LongAdder acks = new LongAdder();
  final LongAdder lateReplies = new LongAdder();
  final LongAdder disconnects = new LongAdder();

  private volatile long measureFrom = Long.MAX_VALUE;
  private volatile long measureUntil = Long.MAX_VALUE;
  private final long maxMessages;

  Tally(long maxMessages) {
    this.maxMessages = maxMessages;
  }

  /** Sets the measured window, in {@link System#nanoTime()} units. */
  void window(long from, long until) {
    measureFrom = from;
    measureUntil = until;
  }

  long measureFrom() {
    return measureFrom;
  }

  long measureUntil() {
    return measureUntil;
  }

  /** Whether devices still send at this instant. */
  boolean sending(long now) {
    return now < measureUntil;
  }

  /** Counts a message sent at {@code now}; answers whether it is measured. */
  boolean countSent(long now) {
    allSent.increment();
    if (now < measureFrom || now >= measureUntil) {
      return false;
    }
    long count = sent.incrementAndGet();
    inFlight.incrementAndGet();
    if (count >= maxMessages) {
      // The message cap ends the window early; later sends are not measured.
      measureUntil = now + 1;
    }
    return true;
  }

  /** Counts a reply to a message that was sent at {@code sentAt}. */
  void countReply(long sentAt, boolean measured, long now) {
    allReplies.increment();
    if (now >= measureFrom && now < measureUntil) {
      completedInWindow.increment();
    }
    if (measured) {
      latencies.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(now - sentAt)));
      completed.increment();
      inFlight.decrementAndGet();
    }
  }

  /** Counts a measured message that failed (error frame) or timed out. */
  void countLost(boolean measured, boolean timedOut) {
    if (!measured) {
      return;
    }
    (timedOut ? timeouts : failed).increment();
    inFlight.decrementAndGet();
  }
}
