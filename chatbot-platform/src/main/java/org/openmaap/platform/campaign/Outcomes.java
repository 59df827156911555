package org.openmaap.platform.campaign;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.store.RecipientTally;

/**
 * Where each recipient of a campaign is, in one word: {@code pending} until handed on, then the
 * status its message reached ({@code sent} until a report comes; a message kept for an offline
 * device is sent too, it has been handed on), or why it was not sent.
 */
final class Outcomes {

  /** Every outcome a campaign counts, each present in its counts; together they are its list. */
  static final List<String> COUNTED = List.of("pending", Status.SENT, Status.DELIVERED,
      Status.DISPLAYED, Status.DELIVERED_TO_NETWORK, Status.DELIVERED_AS_SMS, Status.FAILED,
      Status.CANCELLED, "skipped_opted_out", "skipped_duplicate", "skipped_invalid");

  private static final List<String> REPORTED = List.of(Status.DELIVERED, Status.DISPLAYED,
      Status.DELIVERED_TO_NETWORK, Status.DELIVERED_AS_SMS, Status.FAILED, Status.CANCELLED);

  private Outcomes() {}

  /** The outcome of a recipient in {@code state} whose message (null: none) has that status. */
  static String of(String state, String messageStatus) {
    if (!"sent".equals(state)) {
      return state;
    }
    return REPORTED.contains(messageStatus) ? messageStatus : Status.SENT;
  }

  /** Puts the campaign's {@code counts} and its {@code byChannel} (of those handed on). */
  static JsonObject putCounts(JsonObject campaign, List<RecipientTally> tallies,
      int duplicates, int invalid) {
    JsonObject counts = new JsonObject();
    COUNTED.forEach(outcome -> counts.put(outcome, 0));
    JsonObject byChannel = new JsonObject().put(Status.CHANNEL_RCS, 0).put(Status.CHANNEL_SMS, 0);
    for (RecipientTally tally : tallies) {
      String outcome = of(tally.state(), tally.messageStatus());
      counts.put(outcome, counts.getInteger(outcome, 0) + tally.count());
      if ("sent".equals(tally.state())) {
        String channel = Status.CHANNEL_SMS.equals(tally.channel())
            ? Status.CHANNEL_SMS : Status.CHANNEL_RCS;
        byChannel.put(channel, byChannel.getInteger(channel) + tally.count());
      }
    }
    counts.put("skipped_duplicate", duplicates).put("skipped_invalid", invalid);
    return campaign.put("counts", counts).put("byChannel", byChannel);
  }
}
