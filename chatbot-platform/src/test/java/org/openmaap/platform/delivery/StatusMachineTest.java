package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.platform.store.StatusChange;

class StatusMachineTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static final List<String> STATUSES = List.of("pending", "sent", "delivered",
      "displayed", "failed", "cancelled", "deliveredToNetwork", "deliveredAsSms");
  private static final List<String> CHANNELS = List.of("rcs", "sms");

  /**
   * Every change the platform makes (a status on a channel, with a reason where it matters), and
   * the statuses it may start from; every other start is refused. Written out by hand from API.md,
   * SMS.md and the callers, not derived from the machine.
   */
  private static final List<Allowed> TABLE = List.of(
      // Written to the device; a write finishing after SMS took the message over is refused.
      allowed(change("sent", "rcs", null), "pending on rcs"),
      // The device's reports (a bot reading a user's RCS message is one too).
      allowed(change("delivered", "rcs", null), "pending on rcs", "sent on rcs"),
      allowed(change("displayed", "rcs", null),
          "pending on rcs", "sent on rcs", "delivered on rcs"),
      // The bot revokes it, RCS gives up on it, or SMS takes over.
      allowed(change("cancelled", "rcs", null), "pending on rcs", "sent on rcs"),
      allowed(change("failed", "rcs", "expired"), "pending on rcs", "sent on rcs"),
      allowed(change("failed", "rcs", "not_rcs_capable"), "pending on rcs", "sent on rcs"),
      allowed(change("pending", "sms", null), "pending on rcs", "sent on rcs"),
      // The SMSC accepts it: the write looks at the status, not at the channel.
      allowed(change("deliveredToNetwork", "sms", null), "pending on rcs", "pending on sms"),
      // Before the SMSC accepted it.
      allowed(change("failed", "sms", "opted_out"), "pending on sms"),
      allowed(change("failed", "sms", "sms_rejected"), "pending on sms"),
      allowed(change("failed", "sms", "sms_unknown"), "pending on sms"),
      // The receipts.
      allowed(change("deliveredAsSms", "sms", null), "deliveredToNetwork on sms"),
      allowed(change("failed", "sms", "sms_not_delivered"), "deliveredToNetwork on sms"),
      // A bot reading a user's SMS.
      allowed(change("displayed", "sms", null), "delivered on sms"));

  @ParameterizedTest(name = "{0} on {1} -> {2}: {3}")
  @MethodSource("everyStartOfEveryChange")
  void from_eachStatusAndChannel_allowedOnlyWhereTheTableSays(String status, String channel,
      String change, String expected, StatusChange to) {
    StatusMachine.From from = StatusMachine.from(to);

    boolean allowed = from.includes(status, channel);

    assertThat(allowed ? "allowed" : "refused").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("changesNoMessageMakes")
  void from_changeNoMessageMakes_failsNamingIt(String status, String channel) {
    StatusChange nowhere = change(status, channel, null);

    assertThatThrownBy(() -> StatusMachine.from(nowhere))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no message ever becomes " + status + " on " + channel);
  }

  @Test
  void includes_channelNamed_onlyThoseStatusesOnThatChannel() {
    StatusMachine.From from = new StatusMachine.From(List.of("pending", "sent"), "rcs");

    assertThat(from.includes("sent", "rcs")).isTrue();
    assertThat(from.includes("sent", "sms")).isFalse();
    assertThat(from.includes("delivered", "rcs")).isFalse();
  }

  @Test
  void includes_noChannel_thoseStatusesOnEitherChannel() {
    StatusMachine.From from = new StatusMachine.From(List.of("pending"), null);

    assertThat(from.includes("pending", "rcs")).isTrue();
    assertThat(from.includes("pending", "sms")).isTrue();
    assertThat(from.includes("sent", "rcs")).isFalse();
  }

  @Test
  void revoked_failedCancelledOrOnSms_true() {
    assertThat(StatusMachine.revoked("failed", "rcs")).isTrue();
    assertThat(StatusMachine.revoked("cancelled", "rcs")).isTrue();
    assertThat(StatusMachine.revoked("pending", "sms")).isTrue();
    assertThat(StatusMachine.revoked("deliveredToNetwork", "sms")).isTrue();
  }

  @Test
  void revoked_stillOrAlreadyOnRcs_false() {
    assertThat(StatusMachine.revoked("pending", "rcs")).isFalse();
    assertThat(StatusMachine.revoked("sent", "rcs")).isFalse();
    assertThat(StatusMachine.revoked("delivered", "rcs")).isFalse();
    assertThat(StatusMachine.revoked("displayed", "rcs")).isFalse();
  }

  static Stream<Arguments> everyStartOfEveryChange() {
    List<Arguments> cases = new ArrayList<>();
    for (Allowed row : TABLE) {
      for (String status : STATUSES) {
        for (String channel : CHANNELS) {
          String start = status + " on " + channel;
          cases.add(Arguments.of(status, channel, describe(row.to()),
              row.starts().contains(start) ? "allowed" : "refused", row.to()));
        }
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> changesNoMessageMakes() {
    return Stream.of(
        Arguments.of("pending", "rcs"),
        Arguments.of("sent", "sms"),
        Arguments.of("delivered", "sms"),
        Arguments.of("cancelled", "sms"),
        Arguments.of("deliveredToNetwork", "rcs"),
        Arguments.of("deliveredAsSms", "rcs"),
        Arguments.of("read", "rcs"),
        Arguments.of("delivered", null));
  }

  /** A change, and the statuses ("pending on rcs") it may start from. */
  private record Allowed(StatusChange to, List<String> starts) {}

  private static Allowed allowed(StatusChange to, String... starts) {
    return new Allowed(to, List.of(starts));
  }

  private static StatusChange change(String status, String channel, String reason) {
    return new StatusChange(status, channel, reason, NOW);
  }

  private static String describe(StatusChange change) {
    return change.status() + " on " + change.channel()
        + (change.reason() != null ? " (" + change.reason() + ")" : "");
  }
}
