package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SMSC's throughput, paced: a permit every 1/rate seconds, or the node's share of it. */
class PacerTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  @Test
  void alone_givesAPermitEveryIntervalOfTheRate() {
    Pacer pacer = new Pacer(100, () -> 1);

    assertThat(pacer.reserve(0)).isZero();
    assertThat(pacer.reserve(0)).isEqualTo(10 * MS);
    assertThat(pacer.reserve(10 * MS)).isZero();
  }

  @Test
  void sharedByNodes_givesEachItsShare_andFollowsTheCount() {
    AtomicInteger nodes = new AtomicInteger(4);
    Pacer pacer = new Pacer(100, nodes::get);

    assertThat(pacer.reserve(0)).isZero();
    assertThat(pacer.reserve(0)).as("100 a second over 4 nodes: 25 each").isEqualTo(40 * MS);
    nodes.set(2);
    assertThat(pacer.reserve(40 * MS)).isZero();
    assertThat(pacer.reserve(40 * MS)).as("two nodes left: 50 each").isEqualTo(20 * MS);
  }
}
