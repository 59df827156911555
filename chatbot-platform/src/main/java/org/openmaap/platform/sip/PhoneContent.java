package org.openmaap.platform.sip;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.function.Supplier;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.network.FtHttp;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.PushLocation;

/**
 * What a phone's MESSAGE body says, read from CPIM (or bare, for isComposing): a message for the
 * chatbot as the RCSMessage a WebSocket device would send, a delivery report, or typing.
 */
sealed interface PhoneContent {

  /** A message to the chatbot; {@code messageId} is the phone's imdn.Message-ID, if any. */
  record UserMessage(JsonObject rcsMessage, String messageId) implements PhoneContent {}

  /** The phone's delivered or displayed report on one of the chatbot's messages. */
  record Report(Imdn imdn) implements PhoneContent {}

  /** The user started or stopped typing. */
  record Typing(IsComposing composing) implements PhoneContent {}

  /** Reads a body of type {@code type}; refuses what a phone may not send a chatbot. */
  static PhoneContent read(MediaType type, byte[] body) {
    if (type.is(MediaType.CPIM)) {
      Cpim cpim = Cpim.parse(body);
      return content(MediaType.parse(cpim.contentType()), cpim.content(),
          cpim.header(Cpim.IMDN_NS, "Message-ID").orElse(null));
    }
    return content(type, body, null);
  }

  private static PhoneContent content(MediaType type, byte[] body, String messageId) {
    return switch (type.type()) {
      case MediaType.TEXT -> new UserMessage(new JsonObject().put("textMessage",
          text(type, body)), messageId);
      case MediaType.SUGGESTION_RESPONSE -> new UserMessage(new JsonObject()
          .put("suggestedResponse", json(body, "suggestion response")), messageId);
      case PushLocation.CONTENT_TYPE -> new UserMessage(new JsonObject()
          .put("geolocationPushMessage", network(() -> CardJson.write(
              PushLocation.read(body).location()))), messageId);
      case FtHttp.CONTENT_TYPE -> new UserMessage(new JsonObject()
          .put("fileMessage", network(() -> CardJson.write(FtHttp.read(body).file()))),
          messageId);
      case MediaType.IMDN -> new Report(Imdn.read(body));
      case MediaType.IS_COMPOSING -> new Typing(IsComposing.read(body));
      default -> throw new Refused(415, "Unsupported Media Type: a chatbot takes text/plain, "
          + "suggestion responses, locations, files, IMDN and isComposing, not " + type.type());
    };
  }

  private static String text(MediaType type, byte[] body) {
    String charset = type.param("charset");
    try {
      return new String(body, charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new Refused(415, "Unsupported Media Type: unknown charset '" + charset + "'");
    }
  }

  private static JsonObject json(byte[] body, String what) {
    try {
      return new JsonObject(new String(body, StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new Refused(400, "Bad Request: the " + what + " is not a JSON object");
    }
  }

  private static JsonObject network(Supplier<String> read) {
    try {
      return new JsonObject(read.get());
    } catch (NetworkFormatException e) {
      throw new Refused(400, "Bad Request: " + e.getMessage());
    }
  }
}
