package org.openmaap.platform.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.failure.Invalid;

/**
 * A campaign as a bot asks for it, checked: its message (the RCSMessage content, with
 * shortMessageSupported, smsBodyText and trafficType put in it), its sending window (null: any
 * hour), its unique recipients in order, how many rows
 * were duplicates, and the rows refused with their index and reason.
 */
record NewCampaign(String name, JsonObject message, List<Recipient> recipients,
    int duplicates, List<Rejected> rejected, Instant startAt, Integer ratePerSecond,
    SendWindow window) {

  static final int MAX_INLINE_RECIPIENTS = 10_000;
  static final int MAX_RATE_PER_SECOND = 100_000;

  /** API.md's traffic types, as a single message has them. */
  static final List<String> TRAFFIC_TYPES = List.of("advertisement", "payment", "premium",
      "subscription", "token");

  /** A recipient's row as checked: the recipient it names, or why it is refused. */
  sealed interface Checked permits Recipient, Refused {}

  /** A row's recipient: its number normalized, with its variables. */
  record Recipient(String userContact, JsonObject vars) implements Checked {}

  /** A refused row: its userContact as given (if any) and the reason. */
  record Refused(Object userContact, String reason) implements Checked {}

  record Rejected(int index, Object userContact, String reason) {
    JsonObject toJson() {
      return new JsonObject().put("index", index).put("userContact", userContact)
          .put("reason", reason);
    }
  }

  /** The request body checked; a 400 naming the first broken rule. */
  static NewCampaign parse(JsonObject body) {
    if (!(body.getValue("name") instanceof String name) || name.isBlank() || name.length() > 200) {
      throw bad("name must be a text of 1 to 200 characters");
    }
    if (!(body.getValue("message") instanceof JsonObject given) || given.isEmpty()) {
      throw bad("message must be the RCSMessage content to send, such as "
          + "{\"textMessage\": \"Hello {{name}}\"}");
    }
    JsonObject message = given.copy();
    if (message.containsKey("isTyping") || message.containsKey("suggestedResponse")) {
      throw bad("message must be content to show: not isTyping nor suggestedResponse");
    }
    if (message.containsKey("msgId")) {
      throw bad("message must have no msgId: each recipient's is the campaign's own");
    }
    if (body.containsKey("shortMessageSupported")) {
      if (!(body.getValue("shortMessageSupported") instanceof Boolean sms)) {
        throw bad("shortMessageSupported must be true or false");
      }
      message.put("shortMessageSupported", sms);
    }
    if (body.containsKey("smsBodyText")) {
      if (!(body.getValue("smsBodyText") instanceof String text) || text.isEmpty()) {
        throw bad("smsBodyText must be a non-empty text");
      }
      message.put("smsBodyText", text);
    }
    if (body.containsKey("trafficType")) {
      if (!(body.getValue("trafficType") instanceof String traffic)
          || !TRAFFIC_TYPES.contains(traffic)) {
        throw bad("trafficType must be one of " + String.join(", ", TRAFFIC_TYPES));
      }
      message.put("trafficType", traffic);
    }
    SendWindow window = body.getValue("window") == null ? null
        : SendWindow.parse(body.getValue("window"));
    Integer rate = null;
    if (body.containsKey("ratePerSecond")) {
      if (!(body.getValue("ratePerSecond") instanceof Integer r) || r < 1
          || r > MAX_RATE_PER_SECOND) {
        throw bad("ratePerSecond must be a whole number from 1 to " + MAX_RATE_PER_SECOND);
      }
      rate = r;
    }
    Instant startAt = null;
    if (body.containsKey("startAt")) {
      try {
        startAt = Instant.parse(String.valueOf(body.getValue("startAt")));
      } catch (DateTimeParseException e) {
        throw bad("startAt must be a UTC time such as 2026-12-24T09:00:00Z");
      }
    }
    Object list = body.getValue("recipients", new JsonArray());
    if (!(list instanceof JsonArray rows)) {
      throw bad("recipients must be a list of {\"userContact\", \"vars\"}");
    }
    if (rows.size() > MAX_INLINE_RECIPIENTS) {
      throw bad("a campaign takes up to " + MAX_INLINE_RECIPIENTS + " recipients inline, got "
          + rows.size());
    }
    List<Recipient> recipients = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (int i = 0; i < rows.size(); i++) {
      Checked checked = check(rows.getValue(i));
      if (checked instanceof Refused refused) {
        rejected.add(new Rejected(i, refused.userContact(), refused.reason()));
      } else if (checked instanceof Recipient recipient && seen.add(recipient.userContact())) {
        recipients.add(recipient);
      } else {
        duplicates++;
      }
    }
    NewCampaign campaign = new NewCampaign(name, message, List.copyOf(recipients), duplicates,
        List.copyOf(rejected), startAt, rate, window);
    campaign.requireFillable();
    return campaign;
  }

  /**
   * The recipient a row {@code {"userContact", "vars"}} names, or why it is refused: the rules of
   * inline rows and of uploaded files alike.
   */
  static Checked check(Object row) {
    if (!(row instanceof JsonObject object)) {
      return new Refused(null, "not an object {\"userContact\", \"vars\"}");
    }
    return check(object.getValue("userContact"), object.getValue("vars", new JsonObject()));
  }

  /** The recipient of a number and its variables, or why they are refused. */
  static Checked check(Object userContact, Object vars) {
    if (!(vars instanceof JsonObject values)) {
      return new Refused(userContact, "vars must be an object");
    }
    if (!(userContact instanceof String contact)) {
      return new Refused(userContact,
          "userContact must be a number as text, such as +8613800000000");
    }
    try {
      return new Recipient(Msisdn.normalize(contact), values);
    } catch (Invalid e) {
      return new Refused(userContact, e.getMessage());
    }
  }

  /** A placeholder that no recipient has a variable for is a mistake in the message. */
  private void requireFillable() {
    if (recipients.isEmpty()) {
      return;
    }
    for (String name : Placeholders.names(message)) {
      if (recipients.stream().noneMatch(r -> r.vars().getValue(name) != null)) {
        throw ApiError.badRequest("unknown_placeholder", "no recipient has a variable '" + name
            + "' for the placeholder {{" + name + "}}");
      }
    }
  }

  private static ApiError bad(String message) {
    return ApiError.badRequest("bad_value", message);
  }
}
