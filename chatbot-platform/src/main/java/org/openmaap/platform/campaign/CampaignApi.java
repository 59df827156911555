package org.openmaap.platform.campaign;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import java.util.Locale;
import java.util.Set;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.failure.UnsupportedType;

/**
 * The Chatbot API's campaign routes: create, add recipients from a file, list, read, and start,
 * pause, resume or cancel; the admin API lists and steers any bot's with the same handlers.
 */
public final class CampaignApi {

  /** A body of 10,000 recipients with their variables fits; a message body's limit would not. */
  public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 100;

  /** The most rows one file of recipients may have. */
  static final long MAX_FILE_ROWS = 10_000_000;

  /** The longest line of a recipients file; a longer one is a refused row. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  private static final String CSV = "text/csv";
  private static final Set<String> NDJSON = Set.of("application/x-ndjson", "application/ndjson");

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

  /**
   * {@code POST …/{campaignId}/recipients}: a CSV or NDJSON file of recipients for a draft,
   * scheduled or paused campaign, read as it streams (so routed before any body handler); 200
   * with how many rows were added, were duplicates or were refused (the first with their line).
   */
  public Future<JsonObject> recipients(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    // Nothing is read until the campaign is known to take the file.
    request.pause();
    String botId = ctx.pathParam("botId");
    String campaignId = ctx.pathParam("campaignId");
    return fileType(request.getHeader(HttpHeaders.CONTENT_TYPE))
        .compose(csv -> campaigns.takingRecipients(botId, campaignId).compose(campaign -> {
          Set<String> placeholders = Placeholders.names(new JsonObject(campaign.messageJson()));
          FileRows rows = csv ? new CsvRows(placeholders, MAX_LINE_BYTES) : new NdjsonRows();
          if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
          }
          return new RecipientUpload((batch, invalid) -> campaigns.addRecipients(campaignId,
              batch, invalid), campaignId, request, rows, placeholders, MAX_LINE_BYTES,
              MAX_FILE_ROWS).receive();
        }))
        .onFailure(e -> Bodies.stopReading(ctx));
  }

  /** Whether the file is CSV (else NDJSON); a 415 for any other type or charset. */
  private static Future<Boolean> fileType(String header) {
    String[] parts = header == null ? new String[] {""}
        : header.toLowerCase(Locale.ROOT).split(";");
    String type = parts[0].trim();
    if (!type.equals(CSV) && !NDJSON.contains(type)) {
      return Future.failedFuture(new UnsupportedType("send the recipients as " + CSV
          + " (a header userContact,<variable>,… then a row each) or as application/x-ndjson"
          + " (one {\"userContact\", \"vars\"} a line), not "
          + (header == null ? "no Content-Type" : header)));
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      if (parameter.startsWith("charset=") && !Set.of("utf-8", "\"utf-8\"", "us-ascii")
          .contains(parameter.substring(8))) {
        return Future.failedFuture(new UnsupportedType("send the recipients in UTF-8, not "
            + parameter.substring(8)));
      }
    }
    return Future.succeededFuture(type.equals(CSV));
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
