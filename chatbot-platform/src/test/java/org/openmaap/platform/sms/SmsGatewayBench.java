package org.openmaap.platform.sms;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * submit_sm per second through SmsGateway to EmbeddedSmsc over loopback on one transceiver bind,
 * each a one-part GSM-7 SMS with a delivery receipt coming back. The throughput limit is set out of
 * the way, so the window and the round trip decide. Scores are accepted submits per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class SmsGatewayBench {

  private static final int BATCH = 1_000;

  @Param({"50", "1"})
  public int window;

  private final AtomicLong ids = new AtomicLong();
  private Vertx vertx;
  private EmbeddedSmsc smsc;
  private SmsGateway gateway;

  @Setup(Level.Trial)
  public void start() throws Exception {
    vertx = Vertx.vertx();
    smsc = new EmbeddedSmsc(vertx, EmbeddedSmsc.Settings.defaults());
    smsc.start().await();
    gateway = new SmsGateway(vertx, SmppSettings.defaults()
        .withServer("127.0.0.1", smsc.port())
        .withFlow(window, 1_000_000)
        .withTimings(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(10)),
        new SmsGateway.Listener() {
          @Override
          public void onReceipt(String smscMessageId, String stat, String err) {}

          @Override
          public void onMessage(String from, String to, String text) {}
        });
    gateway.start().await();
    while (!gateway.isBound()) {
      Thread.sleep(10);
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    gateway.stop().await();
    smsc.stop().await();
    vertx.close().await();
  }

  /** A batch of {@value #BATCH} SMS handed over at once; the window keeps up to its size out. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void submit() {
    List<Future<SubmitResult>> submits = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      long id = ids.incrementAndGet();
      submits.add(gateway.submit("+86138" + (id % 100_000), "Your code is " + id, "b-" + id));
    }
    Future.all(submits).await();
  }
}
