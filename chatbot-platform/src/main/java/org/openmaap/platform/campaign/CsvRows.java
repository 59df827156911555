package org.openmaap.platform.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.campaign.NewCampaign.Refused;

/**
 * A CSV file of recipients: a header {@code userContact,<variable>,…} whose columns must cover
 * the message's placeholders, then one recipient a row (RFC 4180: a quoted field may hold commas,
 * doubled quotes and line ends). An empty cell is a variable the row does not have.
 */
final class CsvRows implements FileRows {

  static final String CONTACT_COLUMN = "userContact";

  private static final ObjectReader FIELDS = new CsvMapper().readerFor(String[].class);
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Set<String> placeholders;
  private final int maxChars;
  private List<String> columns;
  // A record whose quoted field goes on over the next lines, and the line it started on.
  private StringBuilder open;
  private long openLine;

  CsvRows(Set<String> placeholders, int maxChars) {
    this.placeholders = placeholders;
    this.maxChars = maxChars;
  }

  @Override
  public Row line(long number, String text) {
    String record = text;
    long start = number;
    if (open != null) {
      open.append('\n').append(text);
      start = openLine;
      if (open.length() > maxChars) {
        open = null;
        return new Row(start, new Refused(null, "a quoted field is not closed within "
            + maxChars + " characters"));
      }
      if (quotes(text) % 2 == 0) {
        return null;
      }
      record = open.toString();
      open = null;
    } else if (quotes(text) % 2 == 1) {
      open = new StringBuilder(text);
      openLine = number;
      return null;
    }
    if (columns == null) {
      header(record);
      return null;
    }
    return record.isBlank() ? null : new Row(start, row(record));
  }

  @Override
  public Row end() {
    if (columns == null && open == null) {
      throw ApiError.badRequest("bad_header", "the file is empty: its first line must be the"
          + " header " + CONTACT_COLUMN + ",<variable>,…");
    }
    if (open != null) {
      if (columns == null) {
        throw ApiError.badRequest("bad_header", "the header has a quoted name never closed");
      }
      open = null;
      return new Row(openLine, new Refused(null, "a quoted field is never closed"));
    }
    return null;
  }

  private void header(String record) {
    String line = record.isEmpty() || record.charAt(0) != BYTE_ORDER_MARK ? record
        : record.substring(1);
    List<String> names = new ArrayList<>();
    try {
      for (String name : fields(line)) {
        names.add(name.trim());
      }
    } catch (JsonProcessingException e) {
      throw badHeader("the header is not a CSV line: " + firstLine(e));
    }
    if (names.isEmpty() || !names.get(0).equals(CONTACT_COLUMN)) {
      throw badHeader("the first line must be the header " + CONTACT_COLUMN
          + ",<variable>,…; it begins with '" + (names.isEmpty() ? "" : names.get(0)) + "'");
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.isEmpty()) {
        throw badHeader("every column of the header needs a name");
      }
      if (!seen.add(name)) {
        throw badHeader("the header names the column '" + name + "' twice");
      }
    }
    for (String placeholder : placeholders) {
      if (!seen.contains(placeholder)) {
        throw ApiError.badRequest("unknown_placeholder", "the file has no column '" + placeholder
            + "' for the placeholder {{" + placeholder + "}}; its header is " + String.join(",",
            names));
      }
    }
    columns = List.copyOf(names);
  }

  private NewCampaign.Checked row(String record) {
    String[] fields;
    try {
      fields = fields(record);
    } catch (JsonProcessingException e) {
      return new Refused(null, "not a CSV row: " + firstLine(e));
    }
    if (fields.length > columns.size()) {
      return new Refused(fields[0], "the row has " + fields.length + " fields; the header has "
          + columns.size());
    }
    JsonObject vars = new JsonObject();
    for (int i = 1; i < fields.length; i++) {
      if (!fields[i].isEmpty()) {
        vars.put(columns.get(i), fields[i]);
      }
    }
    return NewCampaign.check(fields[0], vars);
  }

  private static String[] fields(String record) throws JsonProcessingException {
    return FIELDS.readValue(record);
  }

  private static int quotes(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '"') {
        count++;
      }
    }
    return count;
  }

  private static String firstLine(JsonProcessingException e) {
    return e.getOriginalMessage().lines().findFirst().orElse("");
  }

  private static ApiError badHeader(String message) {
    return ApiError.badRequest("bad_header", message);
  }
}
