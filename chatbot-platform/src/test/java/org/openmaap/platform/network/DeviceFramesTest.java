package org.openmaap.platform.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.delivery.DeviceMessage;

/** The server-to-device frames exactly as API.md's network side spells them. */
class DeviceFramesTest {

  @Test
  void message_isApiMdsFrame_withTheMsgIdInItsRcsMessage_andTheContentLeftAsItWas() {
    JsonObject content = new JsonObject().put("textMessage", "hello");
    DeviceMessage message = new DeviceMessage("m1", "coffee",
        new DeviceMessage.Card("Coffee", "https://example.com/icon.png", null), content,
        "conv-1", "contrib-1");

    JsonObject frame = DeviceFrames.message(message);

    assertThat(frame).isEqualTo(new JsonObject("""
        {"type": "message", "msgId": "m1", "from": "coffee",
         "chatbot": {"name": "Coffee", "iconUrl": "https://example.com/icon.png"},
         "RCSMessage": {"textMessage": "hello", "msgId": "m1"},
         "conversationId": "conv-1", "contributionId": "contrib-1"}"""));
    assertThat(content.containsKey("msgId")).isFalse();
  }

  @Test
  void revokeTypingAndDisplayed_areApiMdsFrames() {
    assertThat(DeviceFrames.revoke("m1"))
        .isEqualTo(new JsonObject().put("type", "revoke").put("msgId", "m1"));
    assertThat(DeviceFrames.typing("coffee", TypingState.IDLE)).isEqualTo(new JsonObject()
        .put("type", "isTyping").put("from", "coffee").put("state", "idle"));
    assertThat(DeviceFrames.displayed("m1"))
        .isEqualTo(new JsonObject().put("type", "displayed").put("msgId", "m1"));
  }
}
