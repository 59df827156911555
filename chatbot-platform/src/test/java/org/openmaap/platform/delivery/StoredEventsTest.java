package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredEventsTest {

  private static final Instant AT = Instant.parse("2026-12-07T10:00:00Z");

  @Test
  void writeThenRead_everyKindOfEvent_isTheSameEvent() {
    List<BotEvent> events = List.of(
        BotEvents.fromUser("message", "+8613800000001",
            new JsonObject().put("msgId", "m1").put("textMessage", "hi"), "conv", "contrib", "sms"),
        BotEvents.fromUser("response", "+8613800000001", new JsonObject()
            .put("suggestedResponse", new JsonObject()), "conv", "contrib", "rcs"),
        BotEvents.fromUser("isTyping", "+8613800000001",
            new JsonObject().put("isTyping", "active"), "conv", "contrib", "rcs"),
        new BotEvent.StatusReport("+8613800000001", "m2", "failed",
            new JsonObject().put("reason", "sms_unknown"), "conv", "sms", AT),
        new BotEvent.StatusReport("+8613800000001", "m3", "delivered", null, "conv", "rcs", AT),
        new BotEvent.StatusReport("+8613800000001", "m4", "sent", null, "conv", "rcs", AT,
            List.of("delivered", "deliveredAsSms")),
        BotEvents.newUser("+8613800000001", "conv", AT),
        new BotEvent.FileStatus(new JsonObject().put("fileId", "f1"), AT));

    for (BotEvent event : events) {
      JsonObject stored = new JsonObject(StoredEvents.write(event).encode());

      assertThat(StoredEvents.read(stored)).as(stored.encode()).contains(event);
    }
  }

  @Test
  void read_bodyStoredBeforeEventsWereTyped_isNoEvent() {
    JsonObject rendered = new JsonObject().put("event", "message")
        .put("messageContact", new JsonObject().put("userContact", "+8613800000001"));

    assertThat(StoredEvents.read(rendered)).isEmpty();
  }
}
