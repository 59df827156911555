package org.openmaap.card.html;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.Document;
import org.openmaap.card.validation.Validator;

/**
 * Rendering time of the fixtures (budget: 30 us for single-card.json); run with
 * {@code mvn -pl card-renderer -Pbench test-compile exec:exec -Djmh.args=HtmlPreviewBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HtmlPreviewBench {

  private Document singleCard;
  private Document carousel;

  @Setup
  public void parse() {
    singleCard = Validator.validate(Fixtures.bytes("cards/valid/single-card.json")).document();
    carousel = Validator.validate(Fixtures.bytes("cards/valid/carousel.json")).document();
  }

  @Benchmark
  public String singleCard() {
    return HtmlPreview.render(singleCard);
  }

  @Benchmark
  public String carousel() {
    return HtmlPreview.render(carousel);
  }
}
