package org.openmaap.platform.network;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Bodies;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxPage;

/**
 * {@code GET /network/v1/sms/{msisdn}/inbox} and {@code POST /network/v1/sms/{msisdn}/outbox}: an
 * SMS-only phone played through the in-JVM SMSC, reading what reached it and answering by SMS.
 */
public final class SmsInbox {
  private static final int MAX_TEXT = 2_000;
  private static final int MAX_NUMBER = 20;

  private final EmbeddedSmsc smsc;

  public SmsInbox(EmbeddedSmsc smsc) {
    this.smsc = smsc;
  }

  /** The texts that reached the phone, after {@code ?since=} if given, and the next cursor. */
  public Future<JsonObject> inbox(RoutingContext ctx) {
    String msisdn = Msisdn.normalize(ctx.pathParam("msisdn"));
    InboxPage page;
    try {
      page = smsc.inbox(msisdn, ctx.queryParams().get("since"));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("bad_cursor", e.getMessage());
    }
    JsonArray messages = new JsonArray();
    for (InboxMessage message : page.messages()) {
      messages.add(new JsonObject()
          .put("id", message.id())
          .put("from", message.from())
          .put("text", message.text())
          .put("encoding", message.encoding())
          .put("segments", message.segments())
          .put("receivedAt", message.receivedAt().toString()));
    }
    return Future.succeededFuture(
        new JsonObject().put("messages", messages).put("cursor", page.cursor()));
  }

  /** Sends {@code {"to", "text"}} from the phone into the SMSC, as a handset's SMS; 202. */
  public Future<JsonObject> send(RoutingContext ctx) {
    String msisdn = Msisdn.normalize(ctx.pathParam("msisdn"));
    JsonObject body = Bodies.object(ctx);
    String to = text(body, "to");
    String text = text(body, "text");
    if (to.isBlank() || to.strip().length() > MAX_NUMBER) {
      throw ApiError.badRequest("bad_phone", "to must be the number the SMS goes to, 1 to "
          + MAX_NUMBER + " characters, such as 10690000");
    }
    if (text.length() > MAX_TEXT) {
      throw ApiError.badRequest("too_long", "text has " + text.length()
          + " characters; a phone sends at most " + MAX_TEXT);
    }
    String number = to.strip();
    try {
      // Accepted once the SMSC has it, as a handset's send: the platform takes it from there.
      smsc.deliver(msisdn, number, text);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("bad_sms", e.getMessage());
    }
    ctx.response().setStatusCode(202);
    return Future.succeededFuture(
        new JsonObject().put("from", msisdn).put("to", number).put("text", text));
  }

  private static String text(JsonObject body, String name) {
    Object value = body.getValue(name);
    if (!(value instanceof String string)) {
      throw ApiError.badRequest(value == null ? "missing_field" : "wrong_type",
          name + " must be a string");
    }
    return string;
  }
}
