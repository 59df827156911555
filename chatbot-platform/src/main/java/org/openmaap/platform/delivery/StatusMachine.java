package org.openmaap.platform.delivery;

import static org.openmaap.platform.delivery.Status.CANCELLED;
import static org.openmaap.platform.delivery.Status.CHANNEL_RCS;
import static org.openmaap.platform.delivery.Status.CHANNEL_SMS;
import static org.openmaap.platform.delivery.Status.DELIVERED;
import static org.openmaap.platform.delivery.Status.DELIVERED_AS_SMS;
import static org.openmaap.platform.delivery.Status.DELIVERED_TO_NETWORK;
import static org.openmaap.platform.delivery.Status.DISPLAYED;
import static org.openmaap.platform.delivery.Status.FAILED;
import static org.openmaap.platform.delivery.Status.PENDING;
import static org.openmaap.platform.delivery.Status.REASON_SMS_NOT_DELIVERED;
import static org.openmaap.platform.delivery.Status.SENT;

import java.util.List;
import org.openmaap.platform.store.StatusChange;

/**
 * The one place that decides which status changes a message may make: for a change (a status on a
 * channel, and for an SMS failure its reason), the statuses the message must be in for it.
 *
 * <pre>
 *  rcs:  pending -> sent -> delivered -> displayed   (pending, sent also straight to the last two)
 *        pending, sent -> cancelled | failed | pending on sms
 *        pending on sms, no part submitted yet -> delivered | displayed on rcs (a device's report)
 *  sms:  pending -> deliveredToNetwork -> deliveredAsSms | failed (sms_not_delivered)
 *        pending -> failed (opted_out, sms_rejected, sms_unknown)
 *  a user's message: delivered -> displayed, on the channel it came by
 * </pre>
 */
public final class StatusMachine {

  /** Not yet delivered on RCS: what a report, a revoke, a failure or SMS fallback starts from. */
  private static final From UNDELIVERED_ON_RCS = new From(List.of(PENDING, SENT), CHANNEL_RCS);
  private static final From READABLE_ON_RCS =
      new From(List.of(PENDING, SENT, DELIVERED), CHANNEL_RCS);
  private static final From QUEUED_ON_SMS = new From(List.of(PENDING), CHANNEL_SMS);
  private static final From ACCEPTED_ON_SMS = new From(List.of(DELIVERED_TO_NETWORK), CHANNEL_SMS);

  private StatusMachine() {}

  /** The statuses a change may start from, on {@code channel} (null: on either channel). */
  public record From(List<String> statuses, String channel) {

    public From {
      statuses = List.copyOf(statuses);
    }

    /** Whether a message in {@code status} on {@code onChannel} may make the change. */
    public boolean includes(String status, String onChannel) {
      return statuses.contains(status) && (channel == null || channel.equals(onChannel));
    }
  }

  /**
   * Where {@code change} may start from; fails for a change no message ever makes (sent on SMS,
   * say), which is a bug in the caller.
   */
  public static From from(StatusChange change) {
    String to = change.status();
    if (CHANNEL_RCS.equals(change.channel())) {
      return switch (to) {
        // Written to the device; a write that completes after SMS took the message over changes
        // nothing (the SMS is not withdrawn by a frame the device will be told to drop).
        case SENT -> new From(List.of(PENDING), CHANNEL_RCS);
        // The device's reports. A report also wins over an SMS none of whose parts was submitted
        // yet; the store checks the parts (Store.reportFromDevice).
        case DELIVERED -> UNDELIVERED_ON_RCS;
        // Also a user's message (stored delivered) that the bot read.
        case DISPLAYED -> READABLE_ON_RCS;
        // The bot revoked it, or RCS gave up on it with SMS not allowed.
        case CANCELLED, FAILED -> UNDELIVERED_ON_RCS;
        default -> throw nowhere(change);
      };
    }
    if (CHANNEL_SMS.equals(change.channel())) {
      return switch (to) {
        // SMS takes over; a delivered report or a revoke that came first wins.
        case PENDING -> UNDELIVERED_ON_RCS;
        // The SMSC accepted every part. The store's write looks at the status only: only a
        // message pending on SMS is ever submitted.
        case DELIVERED_TO_NETWORK -> new From(List.of(PENDING), null);
        case DELIVERED_AS_SMS -> ACCEPTED_ON_SMS;
        // A receipt's failure comes after the SMSC accepted the SMS; every other one before.
        case FAILED -> REASON_SMS_NOT_DELIVERED.equals(change.reason())
            ? ACCEPTED_ON_SMS : QUEUED_ON_SMS;
        // A user's SMS that the bot read.
        case DISPLAYED -> new From(List.of(DELIVERED), CHANNEL_SMS);
        default -> throw nowhere(change);
      };
    }
    throw nowhere(change);
  }

  /**
   * Whether a message a device may still hold was taken back from it (failed, cancelled, or gone
   * as SMS): a report on it is refused, so the device drops it.
   */
  static boolean revoked(String status, String channel) {
    return CHANNEL_SMS.equals(channel) || FAILED.equals(status) || CANCELLED.equals(status);
  }

  private static IllegalArgumentException nowhere(StatusChange change) {
    return new IllegalArgumentException("no message ever becomes " + change.status() + " on "
        + change.channel());
  }
}
