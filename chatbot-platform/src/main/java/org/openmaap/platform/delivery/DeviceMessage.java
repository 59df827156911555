package org.openmaap.platform.delivery;

import io.vertx.core.json.JsonObject;
import java.util.List;
import org.openmaap.platform.store.MessageRow;

/**
 * A chatbot's message as a device gets it: who sent it, the chatbot's card (null when the chatbot
 * is gone), its RCSMessage content without the platform's fallback instructions (links copy it
 * before they change it), and its conversation and contribution.
 */
public record DeviceMessage(String msgId, String from, Card chatbot, JsonObject content,
    String conversationId, String contributionId) {

  /** What the platform reads from a message and a device never sees. */
  private static final List<String> PLATFORM_ONLY =
      List.of("shortMessageSupported", "smsBodyText", "storeSupported");

  /** What a device shows of the chatbot next to its messages; iconUrl and color may be null. */
  public record Card(String name, String iconUrl, String color) {}

  /** The stored message {@code row} as its device gets it. */
  static DeviceMessage of(MessageRow row, Card chatbot) {
    JsonObject content = new JsonObject(row.rcsMessageJson());
    PLATFORM_ONLY.forEach(content::remove);
    return new DeviceMessage(row.msgId(), row.botId(), chatbot, content, row.conversationId(),
        row.contributionId());
  }
}
