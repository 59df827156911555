package org.openmaap.platform.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One key's work runs in call order, each after the one before finished; other keys don't wait. */
class InTurnTest {

  private final InTurn turns = new InTurn();
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @Test
  void secondWorkOfAKey_startsOnlyOnceTheFirstFinished_evenIfTheFirstIsSlow() {
    Promise<String> slowFirst = Promise.promise();

    Future<String> first = turns.run("user", () -> {
      ran.add("first started");
      return slowFirst.future();
    });
    Future<String> second = turns.run("user", () -> {
      ran.add("second started");
      return Future.succeededFuture("second");
    });
    Future<String> otherUser = turns.run("someone else", () -> {
      ran.add("other started");
      return Future.succeededFuture("other");
    });

    assertThat(ran).containsExactly("first started", "other started");
    assertThat(second.isComplete()).isFalse();
    slowFirst.complete("first");
    assertThat(ran).containsExactly("first started", "other started", "second started");
    assertThat(first.result()).isEqualTo("first");
    assertThat(second.result()).isEqualTo("second");
    assertThat(otherUser.result()).isEqualTo("other");
  }

  @Test
  void aFailedOrThrowingWork_failsOnlyItsOwnTurn_andTheNextStillRuns() {
    Future<String> failed = turns.run("user", () -> Future.failedFuture("no store"));
    Future<String> threw = turns.run("user", () -> {
      throw new IllegalStateException("bug");
    });
    Future<String> next = turns.run("user", () -> Future.succeededFuture("fine"));

    assertThat(failed.failed()).isTrue();
    assertThat(threw.cause()).hasMessage("bug");
    assertThat(next.result()).isEqualTo("fine");
  }
}
