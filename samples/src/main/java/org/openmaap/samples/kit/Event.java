package org.openmaap.samples.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.GeolocationPushMessage;

/**
 * One webhook event from the platform (API.md, "Webhooks"): who it concerns and what happened, with
 * accessors for what a chatbot reacts to.
 */
public record Event(String id, Type type, String user, String conversationId,
    String contributionId, String channel, JsonNode rcsMessage) {

  /** The {@code event} field. */
  public enum Type {
    /** The user's first contact with this chatbot. */
    NEW_USER,
    /** The user sent text, a location or a file. */
    MESSAGE,
    /** The user tapped a suggestion, or answered a fallback SMS with its number. */
    RESPONSE,
    IS_TYPING,
    /** A message the chatbot sent changed status. */
    MESSAGE_STATUS,
    FILE_STATUS,
    /** An event this kit does not know yet; acknowledge it and move on. */
    OTHER;

    static Type of(String event) {
      return switch (event == null ? "" : event) {
        case "newUser" -> NEW_USER;
        case "message" -> MESSAGE;
        case "response" -> RESPONSE;
        case "isTyping" -> IS_TYPING;
        case "messageStatus" -> MESSAGE_STATUS;
        case "fileStatus" -> FILE_STATUS;
        default -> OTHER;
      };
    }
  }

  /** Reads the JSON body of a webhook request delivered with this event id. */
  public static Event parse(String id, byte[] body) throws IOException {
    JsonNode json = CardJson.readTree(body);
    if (json == null || !json.isObject()) {
      throw new IOException("a webhook event is a JSON object");
    }
    return new Event(id, Type.of(json.path("event").asText(null)),
        json.path("messageContact").path("userContact").asText(null),
        json.path("conversationId").asText(null), json.path("contributionId").asText(null),
        json.path("channel").asText("rcs"), json.path("RCSMessage"));
  }

  /** The text the user typed (or sent by SMS), else null. */
  public String text() {
    return rcsMessage.path("textMessage").asText(null);
  }

  /** The postback data of the suggestion the user tapped (or chose by number), else null. */
  public String postback() {
    return tapped().path("postback").path("data").asText(null);
  }

  /** The label of the suggestion the user tapped, else null. */
  public String tappedLabel() {
    return tapped().path("displayText").asText(null);
  }

  /** The location the user shared, else null. */
  public GeolocationPushMessage location() {
    JsonNode location = rcsMessage.path("geolocationPushMessage");
    return location.isObject() ? CardJson.treeTo(location, GeolocationPushMessage.class) : null;
  }

  /** The id of the message this event is about ({@code messageStatus}) or carries. */
  public String msgId() {
    return rcsMessage.path("msgId").asText(null);
  }

  /** The new status of a message the chatbot sent ({@code messageStatus}), else null. */
  public String status() {
    return rcsMessage.path("status").asText(null);
  }

  /** Whether the user reached the chatbot by SMS rather than RCS. */
  public boolean bySms() {
    return "sms".equals(channel);
  }

  private JsonNode tapped() {
    JsonNode response = rcsMessage.path("suggestedResponse").path("response");
    if (response.has("reply")) {
      return response.get("reply");
    }
    return response.has("action") ? response.get("action") : MissingNode.getInstance();
  }
}
