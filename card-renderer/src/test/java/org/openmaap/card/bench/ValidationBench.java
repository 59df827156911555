package org.openmaap.card.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.Document;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;

/** Parse + validate (and bind) of the single-card fixture, on one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@Threads(1)
public class ValidationBench {

  private final byte[] singleCard = Fixtures.bytes("cards/valid/single-card.json");
  private final JsonNode singleCardTree = parse(singleCard);
  private final byte[] carousel = Fixtures.bytes("cards/valid/carousel.json");

  @Benchmark
  public Validation validateSingleCard() {
    return Validator.validate(singleCard);
  }

  @Benchmark
  public JsonNode parseSingleCard() throws IOException {
    return CardJson.readTree(singleCard);
  }

  @Benchmark
  public Validation validateParsedSingleCard() {
    return Validator.validateTree(singleCardTree);
  }

  @Benchmark
  public Document validateAndBindSingleCard() {
    return Validator.validate(singleCard).document();
  }

  @Benchmark
  public Validation validateCarousel() {
    return Validator.validate(carousel);
  }

  private static JsonNode parse(byte[] json) {
    try {
      return CardJson.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
