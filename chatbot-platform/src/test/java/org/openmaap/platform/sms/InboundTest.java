package org.openmaap.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Redeliveries and parts over time, on a clock the test moves. */
class InboundTest {

  private static final String PHONE = "+8613800000001";
  private static final String SENDER = "10690000";
  private static final Duration WINDOW = Duration.ofMinutes(2);
  private static final String LONG_TEXT = "Please call me back about the order ".repeat(6);

  private final MovingClock clock = new MovingClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final List<String> texts = new ArrayList<>();
  private final Inbound inbound = new Inbound((from, to, text) -> texts.add(text),
      new MemoryMoParts(), WINDOW, clock);

  @Test
  void accept_sameSmsWithinTheWindow_passesItOnOnce_afterTheWindowAgain() {
    inbound.accept(single("YES")).await();
    clock.move(WINDOW.minusSeconds(1));
    inbound.accept(single("YES")).await();
    clock.move(Duration.ofSeconds(1));

    inbound.accept(single("YES")).await();

    assertThat(texts).containsExactly("YES", "YES");
  }

  @Test
  void accept_partsAcrossASweepWithinTheWindow_areJoined() {
    List<Delivered> parts = parts(LONG_TEXT, 7);
    inbound.accept(parts.get(1)).await();
    clock.move(WINDOW.minusSeconds(1));
    inbound.sweep().await();

    inbound.accept(parts.get(0)).await();

    assertThat(texts).containsExactly(LONG_TEXT);
  }

  @Test
  void sweep_textMissingAPartPastTheWindow_isDropped_andItsLatePartStartsAfresh() {
    List<Delivered> parts = parts(LONG_TEXT, 7);
    inbound.accept(parts.get(0)).await();
    clock.move(WINDOW);
    inbound.sweep().await();

    inbound.accept(parts.get(1)).await();

    assertThat(texts).isEmpty();
  }

  @Test
  void accept_partAgainAfterItsTextWasJoined_isDroppedWithinTheWindow() {
    List<Delivered> parts = parts(LONG_TEXT, 7);
    inbound.accept(parts.get(0)).await();
    inbound.accept(parts.get(1)).await();
    clock.move(Duration.ofSeconds(30));

    inbound.accept(parts.get(0)).await();
    inbound.accept(parts.get(1)).await();

    assertThat(texts).containsExactly(LONG_TEXT);
  }

  private static Delivered single(String text) {
    return deliveredParts(text, 0).get(0);
  }

  private static List<Delivered> parts(String text, int reference) {
    List<Delivered> parts = deliveredParts(text, reference);
    assertThat(parts).hasSize(2);
    return parts;
  }

  private static List<Delivered> deliveredParts(String text, int reference) {
    UserData.Encoded encoded = UserData.encode(text, reference);
    return encoded.parts().stream().map(part -> new Delivered(PHONE, SENDER, encoded.esmClass(),
        encoded.dataCoding(), part, null, null, null)).toList();
  }

  /** A clock that stands still until the test moves it. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant start) {
      this.now = start;
    }

    void move(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("the test needs no zone");
    }
  }
}
