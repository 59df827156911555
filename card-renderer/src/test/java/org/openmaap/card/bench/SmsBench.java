package org.openmaap.card.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.Document;
import org.openmaap.card.sms.Segmentation;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsRendering;
import org.openmaap.card.sms.SmsSegments;
import org.openmaap.card.sms.SmsText;
import org.openmaap.card.validation.Validator;

/** SMS rendering (which includes segmenting) of the single-card fixture, on one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class SmsBench {

  private final Document singleCard =
      Validator.validate(Fixtures.bytes("cards/valid/single-card.json")).document();
  private final SmsOptions options = SmsOptions.defaults();
  private final String singleCardText = SmsText.render(singleCard, options).text();

  @Benchmark
  public SmsRendering renderSingleCard() {
    return SmsText.render(singleCard, options);
  }

  @Benchmark
  public Segmentation segmentSingleCardText() {
    return SmsSegments.split(singleCardText);
  }
}
