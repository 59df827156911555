package org.openmaap.platform.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.failure.Refusal;
import org.openmaap.platform.store.CampaignRow;
import org.openmaap.platform.store.RecipientRow;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;

/**
 * The work of a CAMPAIGN row: sends to the campaign's next batch of pending recipients (a quarter
 * of a second's worth at its rate) and answers when the next batch is due, until none is pending;
 * outside the campaign's window it waits for the window to open. Each run tells the bot of the
 * campaign's progress when it reached another step.
 * Each recipient's message has the msgId {@code campaignId.seq}, so a batch done again after a
 * crash finds its messages stored and sends none twice.
 */
public final class CampaignSender {

  private static final int BATCHES_PER_SECOND = 4;

  private final Store store;
  private final Outbound outbound;
  private final Campaigns campaigns;
  private final Clock clock;

  public CampaignSender(Store store, Outbound outbound, Campaigns campaigns, Clock clock) {
    this.store = store;
    this.outbound = outbound;
    this.campaigns = campaigns;
    this.clock = clock;
  }

  /** Runs one batch of the campaign the row names. */
  public Future<Optional<Instant>> run(WorkRow work) {
    Instant now = clock.instant();
    return store.campaign(work.ref()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      CampaignRow campaign = found.get();
      return switch (campaign.status()) {
        case Campaigns.SCHEDULED -> store.moveCampaign(campaign.campaignId(),
                Set.of(Campaigns.SCHEDULED), Campaigns.RUNNING, now, null)
            .map(moved -> Optional.of(now));
        case Campaigns.RUNNING -> campaigns.tell(campaign).compose(told -> {
          Instant opens = campaign.windowJson() == null ? now
              : SendWindow.fromJson(campaign.windowJson()).opensAt(now);
          return opens.isAfter(now) ? Future.succeededFuture(Optional.of(opens))
              : batch(campaign, now);
        });
        // Paused, cancelled, completed (or a draft): nothing to send until it is moved again.
        default -> Future.succeededFuture(Optional.empty());
      };
    });
  }

  private Future<Optional<Instant>> batch(CampaignRow campaign, Instant now) {
    int size = batchSize(campaign.ratePerSecond());
    Instant next = now.plus(Duration.ofMillis(1000L * size / campaign.ratePerSecond()));
    JsonObject message = new JsonObject(campaign.messageJson());
    return store.pendingRecipients(campaign.campaignId(), size)
        .compose(pending -> Future.all(pending.stream()
                .map(recipient -> send(campaign, message, recipient)).toList())
            .map(all -> all.<RecipientRow>list()))
        .compose(settled -> store.settleRecipients(campaign.campaignId(), settled,
            clock.instant()))
        .compose(more -> more ? Future.succeededFuture(Optional.of(next))
            : ended(campaign.campaignId()));
  }

  /** The campaign has no one pending left: its bot hears it completed. */
  private Future<Optional<Instant>> ended(String campaignId) {
    return store.campaign(campaignId)
        .compose(found -> found.map(campaigns::tell).orElse(Future.succeededFuture()))
        .map(Optional.empty());
  }

  static int batchSize(int ratePerSecond) {
    return Math.max(1, (ratePerSecond + BATCHES_PER_SECOND - 1) / BATCHES_PER_SECOND);
  }

  /** The recipient as it ends: sent, failed with a reason, or skipped. */
  private Future<RecipientRow> send(CampaignRow campaign, JsonObject message,
      RecipientRow recipient) {
    return store.smsOptedOut(campaign.botId(), recipient.userContact()).compose(optedOut -> {
      if (optedOut) {
        return Future.succeededFuture(recipient.to("skipped_opted_out", null));
      }
      JsonObject rcs;
      try {
        rcs = Placeholders.fill(message, new JsonObject(recipient.varsJson()).getMap());
      } catch (Placeholders.Missing e) {
        return Future.succeededFuture(recipient.to("failed", e.getMessage()));
      }
      rcs.put("msgId", campaign.campaignId() + "." + recipient.seq());
      JsonObject request = new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", recipient.userContact()))
          .put("RCSMessage", rcs);
      Validation validation = Validator.validate(request.encode());
      if (!validation.valid()) {
        return Future.succeededFuture(recipient.to("failed", "invalid content: "
            + validation.errors().get(0).message()));
      }
      JsonObject body = new JsonObject(validation.tree().toString());
      // send fails by throwing when the chatbot is gone: a refusal like the others.
      return Future.<Void>succeededFuture().compose(v -> outbound.send(campaign.botId(), body))
          .map(accepted -> recipient.to("sent", null))
          .recover(e -> e instanceof Refusal
              ? Future.succeededFuture(recipient.to("failed", e.getMessage()))
              : Future.failedFuture(e));
    });
  }
}
