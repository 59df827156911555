package org.openmaap.platform.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.openmaap.platform.delivery.BotEvent;
import org.openmaap.platform.delivery.EventSink;
import org.openmaap.platform.store.CampaignRow;
import org.openmaap.platform.store.Store;

/**
 * A campaign's {@code campaignStatus} events: when it starts, at each further tenth of its
 * recipients handed on, and when it ends. Each step is told once: its event is stored in the same
 * transaction that notes the step reached, so neither a crash nor two nodes tell it twice.
 */
final class CampaignReports {

  static final int STARTED = 0;
  static final int ENDED = 10;

  private final Store store;
  private final EventSink events;
  private final Clock clock;

  CampaignReports(Store store, EventSink events, Clock clock) {
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  /** The step the campaign has reached: started, tenths handed on, or ended. */
  static int step(CampaignRow campaign) {
    if (campaign.status().equals(Campaigns.COMPLETED)
        || campaign.status().equals(Campaigns.CANCELLED)) {
      return ENDED;
    }
    if (campaign.recipients() == 0) {
      return STARTED;
    }
    // A running campaign ends with its completion, not with its last tenth.
    return Math.min(9, (int) (10L * campaign.handedOn() / campaign.recipients()));
  }

  /** Tells the bot of the campaign's step, unless it was told of it (or a later one) already. */
  Future<Void> tell(CampaignRow campaign, JsonObject shown) {
    int step = step(campaign);
    if (step <= campaign.reportedStep()) {
      return Future.succeededFuture();
    }
    String stage = step == STARTED ? "started"
        : step < ENDED ? "progress" : campaign.status();
    int progress = campaign.recipients() == 0 ? 100
        : (int) (100L * campaign.handedOn() / campaign.recipients());
    BotEvent event = new BotEvent.CampaignStatus(stage, progress, shown, clock.instant());
    return events.publishWith(campaign.botId(), "campaign:" + campaign.campaignId(), event,
        report -> store.reportCampaignStep(campaign.campaignId(), step, report)).mapEmpty();
  }
}
