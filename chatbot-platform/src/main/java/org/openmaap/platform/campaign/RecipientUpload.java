package org.openmaap.platform.campaign;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.campaign.FileRows.Row;
import org.openmaap.platform.campaign.NewCampaign.Recipient;
import org.openmaap.platform.campaign.NewCampaign.Refused;
import org.openmaap.platform.failure.TooLarge;
import org.openmaap.platform.store.RecipientRow;
import org.openmaap.platform.store.RecipientsAdded;

/**
 * One recipients file being received: its lines are read as they arrive, and every
 * {@value #BATCH} good rows are stored in one transaction while the request is paused, so the
 * file is never held whole in memory. Every row must fill each of the message's placeholders
 * (a file cannot be checked as a whole before it is stored). The batches stored stay if the
 * upload breaks off later; the answer counts what was added and lists the first
 * {@value #LISTED} refused rows with their line and reason.
 */
final class RecipientUpload {

  static final int BATCH = 5_000;
  static final int LISTED = 1_000;

  /** Where the batches go: the campaign's rows, under its lifecycle's rules. */
  @FunctionalInterface
  interface Batches {
    Future<RecipientsAdded> add(List<RecipientRow> batch, int invalid);
  }

  private final Batches batches;
  private final String campaignId;
  private final HttpServerRequest request;
  private final FileRows rows;
  private final Set<String> placeholders;
  private final long maxRows;
  private final Lines lines;
  private final Promise<JsonObject> answer = Promise.promise();
  private final JsonArray refusedRows = new JsonArray();
  // The placeholders that no row with a good number has a variable for yet.
  private final Set<String> unfilled;
  private List<RecipientRow> batch = new ArrayList<>();
  private int refusedInBatch;
  private long read;
  private long added;
  private long duplicates;
  private long refused;
  private int recipients;
  private boolean sawRecipient;
  private boolean done;

  RecipientUpload(Batches batches, String campaignId, HttpServerRequest request,
      FileRows rows, Set<String> placeholders, int maxLineBytes, long maxRows) {
    this.batches = batches;
    this.campaignId = campaignId;
    this.request = request;
    this.rows = rows;
    this.placeholders = placeholders;
    this.maxRows = maxRows;
    this.unfilled = new HashSet<>(placeholders);
    this.lines = new Lines(maxLineBytes, new Lines.Receiver() {
      @Override
      public void line(long number, String text) {
        take(rows.line(number, text));
      }

      @Override
      public void tooLong(long number) {
        take(new Row(number, new Refused(null, "the line is longer than " + maxLineBytes
            + " bytes")));
      }
    });
  }

  /** Reads the (paused) request to its end; answers what was added. */
  Future<JsonObject> receive() {
    request.handler(this::chunk);
    request.endHandler(v -> end());
    request.exceptionHandler(e -> stop(ApiError.badRequest("incomplete_upload",
        "the upload ended before its body was complete; the rows stored before stay")));
    request.resume();
    return answer.future();
  }

  private void chunk(Buffer data) {
    if (done || !reads(() -> lines.feed(data))) {
      return;
    }
    if (batch.size() >= BATCH) {
      request.pause();
      store().onSuccess(v -> {
        if (!done) {
          request.resume();
        }
      }).onFailure(this::stop);
    }
  }

  /** Runs a step of reading the file; answers false when it failed, the upload then answered. */
  private boolean reads(Runnable step) {
    try {
      step.run();
      return true;
    } catch (TooLarge e) {
      overLimit(e);
    } catch (RuntimeException e) {
      stop(e);
    }
    return false;
  }

  private void end() {
    if (done || !reads(() -> {
      lines.end();
      take(rows.end());
    })) {
      return;
    }
    // Every row stored fills every placeholder: so a placeholder unfilled means none was stored.
    if (sawRecipient && !unfilled.isEmpty()) {
      String name = unfilled.iterator().next();
      stop(ApiError.badRequest("unknown_placeholder", "no good row of the file has a variable '"
          + name + "' for the placeholder {{" + name + "}}; nothing was added"));
      return;
    }
    done = true;
    store().map(v -> new JsonObject()
            .put("campaignId", campaignId)
            .put("accepted", added)
            .put("skipped_duplicate", duplicates)
            .put("rejected", refused)
            .put("rejectedRows", refusedRows)
            .put("recipients", recipients))
        .onComplete(answer);
  }

  private void take(Row row) {
    if (row == null) {
      return;
    }
    if (++read > maxRows) {
      throw new TooLarge("too_many_rows", "a file takes up to " + maxRows + " rows; the rows"
          + " before line " + row.line() + " were read and their good ones kept, the rest not");
    }
    if (row.checked() instanceof Refused no) {
      refuse(row.line(), no);
      return;
    }
    Recipient recipient = (Recipient) row.checked();
    sawRecipient = true;
    unfilled.removeIf(name -> recipient.vars().getValue(name) != null);
    for (String name : placeholders) {
      if (recipient.vars().getValue(name) == null) {
        refuse(row.line(), new Refused(recipient.userContact(), "no variable '" + name
            + "' for the placeholder {{" + name + "}}"));
        return;
      }
    }
    batch.add(new RecipientRow(campaignId, 0, recipient.userContact(),
        recipient.vars().encode(), "pending", null));
  }

  private void refuse(long line, Refused no) {
    refused++;
    refusedInBatch++;
    if (refusedRows.size() < LISTED) {
      JsonObject row = new JsonObject().put("line", line);
      if (no.userContact() != null) {
        row.put("userContact", no.userContact());
      }
      refusedRows.add(row.put("reason", no.reason()));
    }
  }

  /** Stores the rows taken since the last batch (and counts those refused since). */
  private Future<Void> store() {
    List<RecipientRow> rows = batch;
    int invalid = refusedInBatch;
    batch = new ArrayList<>();
    refusedInBatch = 0;
    return batches.add(rows, invalid).map(stored -> {
      added += stored.added();
      duplicates += stored.duplicates();
      recipients = stored.campaign().recipients();
      return null;
    });
  }

  // The rows read up to the limit are kept, like those of an upload broken off.
  private void overLimit(TooLarge e) {
    request.pause();
    done = true;
    store().onComplete(stored -> answer.tryFail(stored.failed() ? stored.cause() : e));
  }

  private void stop(Throwable failure) {
    done = true;
    answer.tryFail(failure);
  }
}
