package org.openmaap.platform.dialect.cmcc;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.openmaap.card.dialect.CmccMessages;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.network.FtHttp;
import org.openmaap.card.network.GeoUri;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.PushLocation;

/**
 * A user's content written as CMCC carries it in an inboundMessageNotification: a contentType
 * and a bodyText (the reading of a chatbot's bodyText is card-renderer's {@link CmccMessages}).
 */
final class CmccContent {

  static final String TEXT = CmccMessages.TEXT;
  static final String RESPONSE = CmccMessages.RESPONSE;
  static final String FILE = CmccMessages.FILE;
  static final String LOCATION = CmccMessages.LOCATION;

  /** A user's content as CMCC writes it: a content type and a body text. */
  record Written(String contentType, String bodyText) {}

  private CmccContent() {}

  /** A user's content (an event's RCSMessage) as a content type and body text. */
  static Written write(JsonObject rcsMessage, String user, Instant fileKeptUntil) {
    if (rcsMessage.getValue("suggestedResponse") instanceof JsonObject response) {
      return new Written(RESPONSE, response.encode());
    }
    if (rcsMessage.getValue("geolocationPushMessage") instanceof JsonObject location) {
      GeolocationPushMessage read = CardJson.treeTo(CardJson.toTree(location.getMap()),
          GeolocationPushMessage.class);
      try {
        return new Written(LOCATION, new PushLocation(read, "tel:" + user).write());
      } catch (NetworkFormatException e) {
        return new Written(TEXT, GeoUri.of(read).format());
      }
    }
    for (String member : List.of("fileMessage", "audioMessage")) {
      if (rcsMessage.getValue(member) instanceof JsonObject file) {
        FileMessage read = new FileMessage(file.getString("fileUrl"), file.getString("fileName"),
            file.getString("fileMIMEType"), file.getLong("fileSize"),
            file.getString("thumbnailUrl"), file.getString("thumbnailMIMEType"),
            file.getLong("thumbnailFileSize"));
        try {
          return new Written(FILE, new FtHttp(read, fileKeptUntil.toString()).write());
        } catch (NetworkFormatException e) {
          return new Written(TEXT, read.fileUrl());
        }
      }
    }
    Object text = rcsMessage.getValue("textMessage");
    return new Written(TEXT, text instanceof String s ? s : "");
  }
}
