package org.openmaap.platform.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.delivery.EventSink;
import org.openmaap.platform.failure.Conflict;
import org.openmaap.platform.failure.NotFound;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.CampaignRow;
import org.openmaap.platform.store.RecipientResult;
import org.openmaap.platform.store.RecipientRow;
import org.openmaap.platform.store.RecipientsAdded;
import org.openmaap.platform.store.Store;
import org.openmaap.platform.store.WorkRow;
import org.openmaap.platform.work.Worker;

/**
 * A bot's campaigns: created with their recipients and work row, moved through their lifecycle
 * (draft, scheduled, running, paused, completed or cancelled) and reported with their counts.
 */
public final class Campaigns {

  static final String DRAFT = "draft";
  static final String SCHEDULED = "scheduled";
  static final String RUNNING = "running";
  static final String PAUSED = "paused";
  static final String CANCELLED = "cancelled";
  static final String COMPLETED = "completed";

  /** The statuses in which a campaign takes more recipients: before it runs, or paused. */
  static final Set<String> TAKES_RECIPIENTS = Set.of(DRAFT, SCHEDULED, PAUSED);

  private final Store store;
  private final ChatbotRegistry registry;
  private final Worker worker;
  private final CampaignReports reports;
  private final Clock clock;
  private final int defaultRatePerSecond;

  /**
   * Campaigns sent by {@code worker}, at the bot's rate limit unless they name their own, their
   * progress told to their bots through {@code events}.
   */
  public Campaigns(Store store, ChatbotRegistry registry, Worker worker, EventSink events,
      Clock clock, int defaultRatePerSecond) {
    this.store = store;
    this.registry = registry;
    this.worker = worker;
    this.reports = new CampaignReports(store, events, clock);
    this.clock = clock;
    this.defaultRatePerSecond = defaultRatePerSecond;
  }

  /** Stores a checked campaign: a draft, or scheduled or running with its work row. */
  Future<JsonObject> create(String botId, NewCampaign request) {
    Integer botRate = registry.require(botId).rateLimitPerSecond();
    int rate = request.ratePerSecond() != null ? request.ratePerSecond()
        : botRate != null ? botRate : defaultRatePerSecond;
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    String status;
    if (request.recipients().isEmpty() && request.startAt() == null) {
      status = DRAFT;
    } else {
      status = request.startAt() != null && request.startAt().isAfter(now) ? SCHEDULED : RUNNING;
    }
    Instant due = request.startAt() != null && request.startAt().isAfter(now)
        ? request.startAt() : now;
    List<RecipientRow> rows = new ArrayList<>(request.recipients().size());
    for (NewCampaign.Recipient r : request.recipients()) {
      rows.add(new RecipientRow(id, rows.size(), r.userContact(), r.vars().encode(), "pending",
          null));
    }
    CampaignRow campaign = new CampaignRow(id, botId, request.name(), request.message().encode(),
        status, rate, request.startAt(), rows.size(), request.duplicates(),
        request.rejected().size(), now, status.equals(RUNNING) ? now : null, null, 0,
        request.window() == null ? null : request.window().toJson().encode(), -1);
    WorkRow work = status.equals(DRAFT) ? null
        : WorkRow.due(WorkRow.Kind.CAMPAIGN, botId, id, due);
    return store.insertCampaign(campaign, rows, work).map(v -> {
      if (work != null) {
        worker.wake(due);
      }
      return new JsonObject().put("campaignId", id).put("status", status)
          .put("recipients", rows.size())
          .put("skipped_duplicate", request.duplicates())
          .put("rejected", new JsonArray(
              request.rejected().stream().map(NewCampaign.Rejected::toJson).toList()));
    });
  }

  /** The campaign with its counts, if it is the bot's. */
  Future<JsonObject> status(String botId, String campaignId) {
    return owned(botId, campaignId).compose(this::shown);
  }

  /** The campaign as the API shows it, with its counts as they are now. */
  Future<JsonObject> shown(CampaignRow campaign) {
    return store.recipientTallies(campaign.botId(), campaign.campaignId())
        .map(tallies -> Outcomes.putCounts(toJson(campaign), tallies,
            campaign.skippedDuplicate(), campaign.skippedInvalid()));
  }

  /** Tells the campaign's bot of the step it has reached, if not told yet. */
  Future<Void> tell(CampaignRow campaign) {
    if (CampaignReports.step(campaign) <= campaign.reportedStep()) {
      return Future.succeededFuture();
    }
    return shown(campaign).compose(shown -> reports.tell(campaign, shown));
  }

  /** Up to {@code limit} of the bot's campaigns, the newest first, each as {@link #status}. */
  Future<JsonArray> list(String botId, int limit) {
    registry.require(botId);
    // Each shown as GET one shows it, so the list always answers the same object.
    return store.campaignsOf(botId, limit).compose(found -> Future.all(found.stream()
            .map(this::shown)
            .toList())
        .map(all -> new JsonArray(all.<JsonObject>list())));
  }

  /** A draft starts: running now, or scheduled until its startAt. */
  Future<JsonObject> start(String botId, String campaignId) {
    return owned(botId, campaignId).compose(campaign -> {
      Instant now = clock.instant();
      boolean later = campaign.startAt() != null && campaign.startAt().isAfter(now);
      Instant due = later ? campaign.startAt() : now;
      return move(botId, campaignId, Set.of(DRAFT), later ? SCHEDULED : RUNNING, due, "start");
    });
  }

  /** Sending stops before the next batch (within a second). */
  Future<JsonObject> pause(String botId, String campaignId) {
    return owned(botId, campaignId).compose(campaign ->
        move(botId, campaignId, Set.of(SCHEDULED, RUNNING), PAUSED, null, "pause"));
  }

  /** A paused campaign goes on from where it stopped (or waits for its startAt). */
  Future<JsonObject> resume(String botId, String campaignId) {
    return owned(botId, campaignId).compose(campaign -> {
      Instant now = clock.instant();
      boolean later = campaign.startAt() != null && campaign.startAt().isAfter(now);
      return move(botId, campaignId, Set.of(PAUSED), later ? SCHEDULED : RUNNING,
          later ? campaign.startAt() : now, "resume");
    });
  }

  /** The recipients not yet sent to are cancelled; the sent ones stay sent. */
  Future<JsonObject> cancel(String botId, String campaignId) {
    return owned(botId, campaignId).compose(campaign -> move(botId, campaignId,
        Set.of(DRAFT, SCHEDULED, RUNNING, PAUSED), CANCELLED, null, "cancel"));
  }

  /**
   * The bot's campaign, if it takes recipients now: a 409 naming its status if it does not (rows
   * added to a running campaign could come after its last batch completed it).
   */
  Future<CampaignRow> takingRecipients(String botId, String campaignId) {
    return owned(botId, campaignId).map(campaign -> {
      if (!TAKES_RECIPIENTS.contains(campaign.status())) {
        throw new Conflict("campaign '" + campaignId + "' is " + campaign.status()
            + "; only a draft, scheduled or paused campaign takes more recipients"
            + (campaign.status().equals(RUNNING) ? ": pause it first" : ""));
      }
      return campaign;
    });
  }

  /**
   * Adds a batch of a file's recipients, {@code invalid} rows refused with them; a 409 when the
   * campaign moved on meanwhile (the batches before stay).
   */
  Future<RecipientsAdded> addRecipients(String campaignId, List<RecipientRow> batch,
      int invalid) {
    return store.addRecipients(campaignId, TAKES_RECIPIENTS, batch, invalid).map(found -> {
      RecipientsAdded added = found.orElseThrow(() -> notFound(campaignId));
      CampaignRow campaign = added.campaign();
      if (!TAKES_RECIPIENTS.contains(campaign.status())) {
        throw new Conflict("campaign '" + campaignId + "' became " + campaign.status()
            + " while its recipients were read; the " + campaign.recipients()
            + " it has stay, the rest of the file was not added");
      }
      return added;
    });
  }

  private Future<JsonObject> move(String botId, String campaignId, Set<String> from, String to,
      Instant due, String action) {
    WorkRow work = due == null ? null : WorkRow.due(WorkRow.Kind.CAMPAIGN, botId, campaignId, due);
    return store.moveCampaign(campaignId, from, to, clock.instant(), work).compose(moved -> {
      CampaignRow campaign = moved.orElseThrow(() -> notFound(campaignId));
      if (!campaign.status().equals(to)) {
        throw new Conflict("campaign '" + campaignId + "' is " + campaign.status()
            + "; only a campaign that is " + String.join(" or ", from.stream().sorted().toList())
            + " can " + action);
      }
      if (work != null) {
        worker.wake(due);
      }
      return shown(campaign).compose(shown -> (to.equals(CANCELLED)
          ? reports.tell(campaign, shown) : Future.<Void>succeededFuture()).map(shown));
    });
  }

  /** Up to {@code limit} of the bot's campaign's recipients after {@code afterSeq}, in order. */
  Future<List<RecipientResult>> results(String botId, String campaignId, int afterSeq,
      int limit) {
    return store.recipientResults(botId, campaignId, afterSeq, limit);
  }

  /** The campaign, if it is the bot's: else a 404, or a 403 when it is another bot's. */
  Future<CampaignRow> owned(String botId, String campaignId) {
    return store.campaign(campaignId).map(found -> {
      CampaignRow campaign = found.orElseThrow(() -> notFound(campaignId));
      if (!campaign.botId().equals(botId)) {
        throw ApiError.forbidden("campaign '" + campaignId + "' is another chatbot's");
      }
      return campaign;
    });
  }

  private static NotFound notFound(String campaignId) {
    return new NotFound("no campaign '" + campaignId + "'");
  }

  /** The campaign without its counts. */
  static JsonObject toJson(CampaignRow campaign) {
    return new JsonObject()
        .put("campaignId", campaign.campaignId())
        .put("name", campaign.name())
        .put("status", campaign.status())
        .put("recipients", campaign.recipients())
        .put("handedOn", campaign.handedOn())
        .put("startAt", text(campaign.startAt()))
        .put("window", campaign.windowJson() == null ? null
            : new JsonObject(campaign.windowJson()))
        .put("startedAt", text(campaign.startedAt()))
        .put("completedAt", text(campaign.completedAt()))
        .put("ratePerSecond", campaign.ratePerSecond());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
