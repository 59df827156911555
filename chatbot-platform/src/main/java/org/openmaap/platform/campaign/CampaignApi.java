package org.openmaap.platform.campaign;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;

/**
 * The Chatbot API's campaign routes: create, list, read, and start, pause, resume or cancel; the
 * admin API lists and steers any bot's with the same handlers.
 */
public final class CampaignApi {

  /** A body of 10,000 recipients with their variables fits; a message body's limit would not. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 100;

  private final Campaigns campaigns;

  public CampaignApi(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  /** {@code POST /bot/v1/{botId}/campaigns}: 201 with the campaign's id, status and recipients. */
  public Future<JsonObject> create(RoutingContext ctx) {
    NewCampaign request = NewCampaign.parse(Bodies.object(ctx));
    return campaigns.create(ctx.pathParam("botId"), request).onSuccess(created ->
        ctx.response().setStatusCode(201));
  }

  /** {@code GET /bot/v1/{botId}/campaigns/{campaignId}}. */
  public Future<JsonObject> get(RoutingContext ctx) {
    return campaigns.status(ctx.pathParam("botId"), ctx.pathParam("campaignId"));
  }

  /**
   * {@code GET /bot/v1/{botId}/campaigns} (and the admin API's for any bot): the newest first, up
   * to {@code limit}.
   */
  public Future<JsonObject> list(RoutingContext ctx) {
    int limit = limit(ctx.request().getParam("limit"));
    return campaigns.list(ctx.pathParam("botId"), limit)
        .map(found -> new JsonObject().put("campaigns", found));
  }

  /**
   * {@code GET /bot/v1/{botId}/campaigns/{campaignId}/results}: each recipient's outcome, streamed
   * as NDJSON, or as CSV for {@code ?format=csv} or {@code Accept: text/csv}.
   */
  public void results(RoutingContext ctx) {
    String botId = ctx.pathParam("botId");
    String campaignId = ctx.pathParam("campaignId");
    ResultsStream.Format format;
    try {
      format = ResultsStream.Format.of(ctx.queryParams().get("format"),
          ctx.request().getHeader("Accept"));
    } catch (ApiError e) {
      ctx.fail(e);
      return;
    }
    campaigns.owned(botId, campaignId).onFailure(ctx::fail).onSuccess(campaign ->
        new ResultsStream(campaigns, botId, campaignId, format, ctx.response()).start());
  }

  /** {@code POST /bot/v1/{botId}/campaigns/{campaignId}:start}. */
  public Future<JsonObject> start(RoutingContext ctx) {
    return campaigns.start(ctx.pathParam("botId"), ctx.pathParam("campaignId"));
  }

  /** {@code POST …:pause}. */
  public Future<JsonObject> pause(RoutingContext ctx) {
    return campaigns.pause(ctx.pathParam("botId"), ctx.pathParam("campaignId"));
  }

  /** {@code POST …:resume}. */
  public Future<JsonObject> resume(RoutingContext ctx) {
    return campaigns.resume(ctx.pathParam("botId"), ctx.pathParam("campaignId"));
  }

  /** {@code POST …:cancel}. */
  public Future<JsonObject> cancel(RoutingContext ctx) {
    return campaigns.cancel(ctx.pathParam("botId"), ctx.pathParam("campaignId"));
  }

  private static int limit(String given) {
    if (given == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(given);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException notANumber) {
      // Answered below, like a number out of range.
    }
    throw ApiError.badRequest("bad_value", "limit must be a whole number from 1 to " + MAX_LIMIT
        + ", not '" + given + "'");
  }
}
