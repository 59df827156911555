package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.event;
import static org.openmaap.platform.store.Rows.toUser;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.store.WorkRow.Kind;

/** Work rows (claim, lease, settle, release) and the SMS submit journal, on the embedded store. */
class WorkStoreTest {

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;
  private SqliteStore store;

  @BeforeEach
  void open() {
    store = SqliteStore.open(vertx, dir.resolve("data")).await();
  }

  @AfterEach
  void close() {
    store.close().await();
    vertx.close().await();
  }

  @Test
  void claimDue_takesDueUnheldRowsEarliestFirst_upToTheLimit() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "late", T0.plusSeconds(30))).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "b", T0.plusSeconds(2))).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "a", T0.plusSeconds(1))).await();
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "c", T0.plusSeconds(3))).await();

    List<WorkRow> claimed = store.claimDue("n1", T0.plusSeconds(10), T0.plusSeconds(20), 2)
        .await();
    List<WorkRow> rest = store.claimDue("n2", T0.plusSeconds(10), T0.plusSeconds(20), 10)
        .await();

    assertThat(claimed).extracting(WorkRow::ref).containsExactly("a", "b");
    assertThat(claimed).allSatisfy(row -> {
      assertThat(row.claimedBy()).isEqualTo("n1");
      assertThat(row.leaseUntil()).isEqualTo(T0.plusSeconds(20));
      assertThat(row.attempts()).isEqualTo(1);
    });
    assertThat(rest).extracting(WorkRow::ref).containsExactly("c");
  }

  @Test
  void claimDue_rowWhoseLeaseEnded_isClaimedAgain_andTheOldClaimCanNoLongerSettleIt() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow crashed = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    List<WorkRow> whileHeld = store.claimDue("n2", T0.plusSeconds(5), T0.plusSeconds(15), 10)
        .await();
    WorkRow taken = store.claimDue("n2", T0.plusSeconds(10), T0.plusSeconds(20), 10).await()
        .get(0);

    assertThat(whileHeld).isEmpty();
    assertThat(taken.attempts()).isEqualTo(2);
    assertThat(store.settle(crashed).await()).as("the stale claim settles").isFalse();
    assertThat(store.settle(taken).await()).as("the live claim settles").isTrue();
    assertThat(store.nextDue(T0.plusSeconds(30)).await()).isEmpty();
  }

  @Test
  void release_movesTheRowToItsNextDueTime_unheld() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow claim = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    assertThat(store.release(claim, T0.plusSeconds(60)).await()).isTrue();

    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(60));
    assertThat(store.claimDue("n1", T0.plusSeconds(59), T0.plusSeconds(70), 10).await())
        .isEmpty();
    assertThat(store.claimDue("n1", T0.plusSeconds(60), T0.plusSeconds(70), 10).await())
        .extracting(WorkRow::ref).containsExactly("m");
  }

  @Test
  void schedule_whileClaimed_winsOverTheClaim() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow claim = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0.plusSeconds(5))).await();

    assertThat(store.settle(claim).await()).isFalse();
    assertThat(store.nextDue(T0).await()).contains(T0.plusSeconds(5));
  }

  @Test
  void extendLeases_keepsTheRowFromOthers_releaseClaims_givesANodesRowsBack() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    WorkRow claim = store.claimDue("n1", T0, T0.plusSeconds(10), 10).await().get(0);

    store.extendLeases("n1", List.of(claim), T0.plusSeconds(30)).await();
    List<WorkRow> atTheOldLeaseEnd = store.claimDue("n2", T0.plusSeconds(10),
        T0.plusSeconds(40), 10).await();
    int released = store.releaseClaims("n1").await();

    assertThat(atTheOldLeaseEnd).isEmpty();
    assertThat(released).isEqualTo(1);
    assertThat(store.claimDue("n2", T0.plusSeconds(11), T0.plusSeconds(40), 10).await())
        .extracting(WorkRow::ref).containsExactly("m");
  }

  @Test
  void insertMessage_botToUser_comesWithItsWorkRow_onceOnly() {
    store.insertMessage(toUser("bot", "m1", "+8613800000001", "pending")).await();
    store.insertMessage(toUser("bot", "m1", "+8613800000001", "pending")).await();

    assertThat(store.claimDue("n1", T0, T0.plusSeconds(10), 10).await())
        .extracting(WorkRow::kind, WorkRow::ref).containsExactly(
            org.assertj.core.groups.Tuple.tuple(Kind.MESSAGE, "m1"));
  }

  @Test
  void cancelWork_removesTheRowWhoeverHoldsIt() {
    store.schedule(WorkRow.due(Kind.MESSAGE, "bot", "m", T0)).await();
    store.claimDue("n1", T0, T0.plusSeconds(10), 10).await();

    store.cancelWork(Kind.MESSAGE, "bot", "m").await();

    assertThat(store.nextDue(T0.plusSeconds(60)).await()).isEmpty();
  }

  // --- the SMS submit journal and the device's report ---------------------------------------------

  @Test
  void smsSubmitting_onlyWhileTheMessageIsPendingOnSms() {
    store.insertMessage(onSms("m1", "pending")).await();
    store.insertMessage(toUser("bot", "m2", "+8613800000002", "pending")).await();

    assertThat(store.smsSubmitting("bot", "m1", 0, 2, T0).await()).isTrue();
    assertThat(store.smsSubmitting("bot", "m2", 0, 1, T0).await()).as("on RCS").isFalse();
    assertThat(store.smsSubmitting("bot", "gone", 0, 1, T0).await()).isFalse();
    store.smsSubmitAnswered("bot", "m1", 0, "abc").await();
    assertThat(store.smsSubmits("bot", "m1").await())
        .containsExactly(new SmsSubmit("bot", "m1", 0, 2, "abc"));
  }

  @Test
  void reportFromDevice_winsOverAnSmsNotSubmitted_butNotOverOneSubmitted() {
    store.insertMessage(onSms("waiting", "pending")).await();
    store.insertMessage(onSms("going", "pending")).await();
    store.smsSubmitting("bot", "going", 0, 1, T0).await();
    StatusChange delivered = new StatusChange("delivered", "rcs", null, T0.plusSeconds(1));

    assertThat(store.reportFromDevice("bot", "waiting", List.of("pending", "sent"), delivered,
        event("e1", "bot")).await()).isPresent();
    assertThat(store.reportFromDevice("bot", "going", List.of("pending", "sent"), delivered,
        event("e2", "bot")).await()).isEmpty();
    assertThat(store.message("bot", "waiting").await().orElseThrow())
        .extracting(MessageRow::status, MessageRow::channel)
        .containsExactly("delivered", "rcs");
    assertThat(store.smsSubmitting("bot", "waiting", 0, 1, T0).await())
        .as("the SMS of a message delivered meanwhile does not go out").isFalse();
  }

  private static MessageRow onSms(String msgId, String status) {
    MessageRow row = toUser("bot", msgId, "+8613800000009", status);
    return new MessageRow(row.botId(), row.msgId(), row.direction(), row.userContact(),
        row.conversationId(), row.contributionId(), null, row.rcsMessageJson(),
        row.requestHash(), status, "sms", null, null, T0, T0);
  }
}
