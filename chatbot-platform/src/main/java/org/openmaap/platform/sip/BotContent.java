package org.openmaap.platform.sip;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmaap.card.model.AudioMessage;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.FtHttp;
import org.openmaap.card.network.Multipart;
import org.openmaap.card.network.PushLocation;
import org.openmaap.platform.delivery.DeviceMessage;

/**
 * What a chatbot sends a phone, as CPIM: its content in the GSMA content types, chips as a second
 * part of a {@code multipart/mixed} body, and the imdn, cpm and maap headers.
 */
final class BotContent {

  /**
   * How long an FT-HTTP descriptor says a file is kept, which it must say: the platform does not
   * know it for a chatbot's own links, and a day is the store's default lifetime of a message.
   */
  static final Duration FILE_KEPT = Duration.ofDays(1);
  static final String REVOKE_NS = "urn:gsma:params:xml:ns:rcs:rcs:revoke";

  private BotContent() {}

  /** The chatbot's message as CPIM from {@code bot} to {@code user}, dated {@code now}. */
  static Cpim message(DeviceMessage message, String bot, String user, Instant now) {
    JsonObject rcs = message.content();
    Multipart.Part content = content(rcs, bot, now);
    List<Cpim.Header> headers = headers(bot, user, now, message.msgId(),
        "positive-delivery, display");
    headers.add(new Cpim.Header("NS", "cpm <" + Cpim.CPM_NS + ">"));
    headers.add(new Cpim.Header("cpm.Payload-Type", "Application/X-CPM-Chatbot"));
    String traffic = rcs.getString("trafficType");
    if (traffic != null) {
      headers.add(new Cpim.Header("NS", "maap <" + Cpim.MAAP_NS + ">"));
      headers.add(new Cpim.Header("maap.Traffic-Type", traffic));
    }
    JsonObject chips = rcs.getJsonObject("suggestedChipList");
    if (chips == null) {
      return new Cpim(headers, content.contentType(), content.content());
    }
    Multipart multipart = new Multipart("next-part-" + UUID.randomUUID(), List.of(content,
        new Multipart.Part(MediaType.BOT_SUGGESTION, utf8(chips.encode()))));
    return new Cpim(headers, multipart.contentType(), multipart.write());
  }

  /** The GSMA revocation of message {@code msgId}. */
  static Cpim revoke(String msgId, String bot, String user, Instant now) {
    byte[] xml = utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<rcsrevoke xmlns=\""
        + REVOKE_NS + "\"><message-id>" + SipXml.escape(msgId) + "</message-id></rcsrevoke>");
    return new Cpim(headers(bot, user, now, UUID.randomUUID().toString(), "negative-delivery"),
        MediaType.REVOKE, xml);
  }

  /** The chatbot read (or the platform delivered) the user's message {@code messageId}. */
  static Cpim notification(Imdn imdn, String bot, String user, Instant now) {
    List<Cpim.Header> headers = headers(bot, user, now, UUID.randomUUID().toString(), null);
    return new Cpim(headers, MediaType.IMDN, imdn.write(now));
  }

  /** The chatbot's typing indicator. */
  static Cpim typing(IsComposing composing, String bot, String user, Instant now) {
    return new Cpim(headers(bot, user, now, UUID.randomUUID().toString(), null),
        MediaType.IS_COMPOSING, composing.write());
  }

  private static List<Cpim.Header> headers(String bot, String user, Instant now, String id,
      String disposition) {
    List<Cpim.Header> headers = new ArrayList<>();
    headers.add(new Cpim.Header("From", "<" + bot + ">"));
    headers.add(new Cpim.Header("To", "<" + user + ">"));
    headers.add(new Cpim.Header("DateTime", now.toString()));
    headers.add(new Cpim.Header("NS", "imdn <" + Cpim.IMDN_NS + ">"));
    headers.add(new Cpim.Header("imdn.Message-ID", id));
    if (disposition != null) {
      headers.add(new Cpim.Header("imdn.Disposition-Notification", disposition));
    }
    return headers;
  }

  /** The content member of an RCSMessage in its GSMA content type. */
  private static Multipart.Part content(JsonObject rcs, String bot, Instant now) {
    if (rcs.containsKey("textMessage")) {
      return new Multipart.Part(MediaType.TEXT + ";charset=UTF-8",
          utf8(rcs.getString("textMessage")));
    }
    if (rcs.containsKey("richcardMessage")) {
      return new Multipart.Part(MediaType.BOT_MESSAGE,
          utf8(rcs.getJsonObject("richcardMessage").encode()));
    }
    String until = now.plus(FILE_KEPT).toString();
    if (rcs.containsKey("fileMessage")) {
      FileMessage file = model(rcs.getJsonObject("fileMessage"), FileMessage.class);
      return new Multipart.Part(FtHttp.CONTENT_TYPE, utf8(new FtHttp(file, until).write()));
    }
    if (rcs.containsKey("audioMessage")) {
      AudioMessage audio = model(rcs.getJsonObject("audioMessage"), AudioMessage.class);
      FileMessage file = new FileMessage(audio.fileUrl(), audio.fileName(),
          audio.fileMIMEType(), audio.fileSize(), null, null, null);
      return new Multipart.Part(FtHttp.CONTENT_TYPE, utf8(new FtHttp(file, until).write()));
    }
    if (rcs.containsKey("geolocationPushMessage")) {
      GeolocationPushMessage location = model(rcs.getJsonObject("geolocationPushMessage"),
          GeolocationPushMessage.class);
      return new Multipart.Part(PushLocation.CONTENT_TYPE,
          utf8(new PushLocation(location, bot).write()));
    }
    throw new IllegalArgumentException("the message has no content a phone can show: "
        + rcs.fieldNames());
  }

  private static <T> T model(JsonObject json, Class<T> type) {
    try {
      return CardJson.treeTo(CardJson.readTree(utf8(json.encode())), type);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable " + type.getSimpleName(), e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
