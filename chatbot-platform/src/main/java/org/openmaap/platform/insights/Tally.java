package org.openmaap.platform.insights;

import io.vertx.core.json.JsonObject;
import org.openmaap.platform.store.HourCounts;

/**
 * Counts of messages summed over hours or bots, and their rates: delivery, fallback and response
 * over the bot-to-user messages sent, read over those delivered on RCS (SMS has no read reports,
 * so a read rate over every message sent would fall with the share that went as SMS). Answers
 * count in the hour they came, so an hour's response rate passes 1 when users answer more
 * messages than the bot sent in that hour.
 */
final class Tally {

  private long sent;
  private long rcs;
  private long sms;
  private long pending;
  private long delivered;
  private long deliveredRcs;
  private long displayed;
  private long failed;
  private long received;
  private long responses;

  void add(HourCounts counts) {
    sent += counts.sent();
    rcs += counts.rcs();
    sms += counts.sms();
    pending += counts.pending();
    delivered += counts.delivered();
    deliveredRcs += counts.deliveredRcs();
    displayed += counts.displayed();
    failed += counts.failed();
    received += counts.received();
    responses += counts.responses();
  }

  /** The counts and rates into {@code json}; answers it. */
  JsonObject into(JsonObject json) {
    return json
        .put("sent", sent)
        .put("byChannel", new JsonObject().put("rcs", rcs).put("sms", sms))
        .put("pending", pending)
        .put("delivered", delivered)
        .put("deliveredRcs", deliveredRcs)
        .put("displayed", displayed)
        .put("failed", failed)
        .put("fallback", sms)
        .put("received", received)
        .put("responses", responses)
        .put("deliveryRate", rate(delivered, sent))
        .put("readRate", rate(displayed, deliveredRcs))
        .put("fallbackRate", rate(sms, sent))
        .put("responseRate", rate(responses, sent));
  }

  /** A ratio rounded to 4 decimals, 0 when there is nothing to divide by. */
  static double rate(long part, long whole) {
    return whole == 0 ? 0.0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
  }
}
