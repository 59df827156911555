package org.openmaap.platform.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.store.RecipientResult;

/**
 * A campaign's per-recipient results written to a response a page at a time, as NDJSON or CSV,
 * reading the next page only when the client has taken the last one: a million recipients never
 * sit in memory.
 */
final class ResultsStream {

  static final int PAGE = 1_000;

  /** The two ways to write results, and their media types. */
  enum Format {
    NDJSON("application/x-ndjson"), CSV("text/csv; charset=utf-8");

    final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    /** {@code ?format=} when given, else what the Accept header prefers; NDJSON by default. */
    static Format of(String format, String accept) {
      if (format != null) {
        return switch (format.toLowerCase(Locale.ROOT)) {
          case "csv" -> CSV;
          case "ndjson" -> NDJSON;
          default -> throw ApiError.badRequest("bad_value", "format must be csv or ndjson");
        };
      }
      return accept != null && accept.contains("text/csv") ? CSV : NDJSON;
    }
  }

  private static final ObjectWriter CSV_RECORD = CsvMapper.builder()
      .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build().writerFor(String[].class);

  private static final List<String> COLUMNS = List.of("userContact", "msgId", "status",
      "channel", "reason", "updatedAt");

  private final Campaigns campaigns;
  private final String botId;
  private final String campaignId;
  private final Format format;
  private final HttpServerResponse response;

  ResultsStream(Campaigns campaigns, String botId, String campaignId, Format format,
      HttpServerResponse response) {
    this.campaigns = campaigns;
    this.botId = botId;
    this.campaignId = campaignId;
    this.format = format;
    this.response = response;
  }

  /** Starts the response and writes every page. */
  void start() {
    response.setChunked(true).putHeader("Content-Type", format.contentType);
    if (format == Format.CSV) {
      response.write(csv(COLUMNS));
    }
    page(-1);
  }

  private void page(int afterSeq) {
    campaigns.results(botId, campaignId, afterSeq, PAGE).onComplete(read -> {
      if (read.failed()) {
        // The status is sent: all a client can be told now is that the stream broke.
        response.reset();
        return;
      }
      List<RecipientResult> rows = read.result();
      if (response.closed()) {
        return;
      }
      if (!rows.isEmpty()) {
        response.write(chunk(rows));
      }
      if (rows.size() < PAGE) {
        response.end();
        return;
      }
      int last = rows.get(rows.size() - 1).seq();
      if (response.writeQueueFull()) {
        response.drainHandler(drained -> {
          response.drainHandler(null);
          page(last);
        });
      } else {
        page(last);
      }
    });
  }

  private Buffer chunk(List<RecipientResult> rows) {
    Buffer chunk = Buffer.buffer(rows.size() * 128);
    for (RecipientResult row : rows) {
      List<String> values = values(row);
      if (format == Format.NDJSON) {
        JsonObject line = new JsonObject();
        for (int i = 0; i < COLUMNS.size(); i++) {
          line.put(COLUMNS.get(i), values.get(i));
        }
        chunk.appendString(line.encode()).appendString("\n");
      } else {
        chunk.appendString(csv(values));
      }
    }
    return chunk;
  }

  private List<String> values(RecipientResult row) {
    String reason = row.reason() != null ? row.reason() : row.messageReason();
    return Arrays.asList(row.userContact(),
        row.messageStatus() == null ? null : campaignId + "." + row.seq(),
        Outcomes.of(row.state(), row.messageStatus()), row.channel(), reason,
        row.updatedAt() == null ? null : row.updatedAt().toString());
  }

  /** A CSV record and its line end, each field quoted only where RFC 4180 needs it. */
  private static String csv(List<String> fields) {
    try {
      // Jackson leaves a null field out of the record: an empty one keeps the columns in place.
      return CSV_RECORD.writeValueAsString(fields.stream().map(f -> f == null ? "" : f)
          .toArray(String[]::new));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("writing a CSV record of texts", e);
    }
  }
}
