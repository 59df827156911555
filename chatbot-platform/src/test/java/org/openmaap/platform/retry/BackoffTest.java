package org.openmaap.platform.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration RETRY_WINDOW = Duration.ofHours(24);

  private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5),
      new SplittableRandom(7));

  @Test
  void delay_eachFailure_withinHalfToFullOfDoubledDelay() {
    List<Duration> ceilings = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));

    for (int failures = 1; failures <= ceilings.size(); failures++) {
      Duration ceiling = ceilings.get(failures - 1);
      List<Duration> delays = samples(failures);

      assertThat(delays).allSatisfy(delay ->
          assertThat(delay).isBetween(ceiling.dividedBy(2), ceiling));
    }
  }

  @Test
  void delay_manyFailures_cappedAtMaxDelay() {
    assertThat(samples(10)).allSatisfy(delay ->
        assertThat(delay).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5)));
    assertThat(samples(Integer.MAX_VALUE)).allSatisfy(delay ->
        assertThat(delay).isBetween(Duration.ofSeconds(150), Duration.ofMinutes(5)));
  }

  @Test
  void delay_sameFailureCount_spreadByJitter() {
    assertThat(samples(3).stream().distinct().count()).isGreaterThan(100);
  }

  @Test
  void next_insideWindow_failureTimePlusDelay() {
    Instant failedAt = CREATED.plusSeconds(60);

    Optional<Instant> next = backoff.next(1, failedAt, CREATED.plus(RETRY_WINDOW));

    assertThat(next).hasValueSatisfying(at ->
        assertThat(at).isBetween(failedAt.plusMillis(500), failedAt.plusSeconds(1)));
  }

  @Test
  void next_delayWouldCrossWindowEnd_lastAttemptAtWindowEnd() {
    Instant windowEnd = CREATED.plus(RETRY_WINDOW);

    Optional<Instant> next = backoff.next(30, windowEnd.minusSeconds(10), windowEnd);

    assertThat(next).contains(windowEnd);
  }

  @Test
  void next_failureAtOrAfterWindowEnd_empty() {
    Instant windowEnd = CREATED.plus(RETRY_WINDOW);

    assertThat(backoff.next(300, windowEnd, windowEnd)).isEmpty();
    assertThat(backoff.next(300, windowEnd.plusSeconds(1), windowEnd)).isEmpty();
  }

  @Test
  void delay_ceilingOfOneMillisecond_neverBelowATimersLeast() {
    Backoff tight = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1),
        new SplittableRandom(7));

    assertThat(IntStream.range(0, 100).mapToLong(i -> tight.delay(1))).containsOnly(1L);
  }

  private List<Duration> samples(int failures) {
    return IntStream.range(0, 1000).mapToObj(i -> Duration.ofMillis(backoff.delay(failures)))
        .toList();
  }
}
