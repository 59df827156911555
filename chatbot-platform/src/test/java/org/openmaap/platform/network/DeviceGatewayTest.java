package org.openmaap.platform.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.delivery.Core.USER;
import static org.openmaap.platform.delivery.Core.text;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.delivery.Core;
import org.openmaap.platform.delivery.FakeLink;
import org.openmaap.platform.delivery.Status;

/** The device gateway's answers to frames, over the core with fake ports; no socket. */
class DeviceGatewayTest {

  @TempDir Path dir;
  private Core core;
  private DeviceGateway gateway;

  @BeforeEach
  void start() {
    core = Core.start(dir);
    gateway = new DeviceGateway(core.outbound, core.inbound);
  }

  @AfterEach
  void stop() {
    core.close();
  }

  @Test
  void reply_deliveredReportWhoseWriteFails_isAnErrorFrame_andTheRetryIsAcked() {
    core.connect(FakeLink.websocket());
    String msgId = core.send(text("Did you get this?"));
    core.awaitStatus(msgId, Status.SENT);
    core.faults.failNextWriteOf(Status.DELIVERED);
    String report = new JsonObject().put("type", "delivered").put("id", 7).put("msgId", msgId)
        .encode();

    Optional<JsonObject> refused = gateway.reply(USER, report).await();
    Optional<JsonObject> retried = gateway.reply(USER, report).await();

    assertThat(refused).isPresent();
    assertThat(refused.get().getString("type")).isEqualTo("error");
    assertThat(refused.get().getInteger("ref")).isEqualTo(7);
    assertThat(refused.get().getJsonObject("error").getInteger("status")).isEqualTo(500);
    assertThat(retried).contains(new JsonObject().put("type", "ack").put("ref", 7));
    assertThat(core.events.statuses(msgId)).containsExactly(Status.DELIVERED);
  }

  @Test
  void reply_reportWithoutAnId_isNotAcked() {
    core.connect(FakeLink.websocket());
    String msgId = core.send(text("Quietly"));
    core.awaitStatus(msgId, Status.SENT);

    Optional<JsonObject> answer = gateway.reply(USER,
        new JsonObject().put("type", "delivered").put("msgId", msgId).encode()).await();

    assertThat(answer).isEmpty();
    assertThat(core.status(msgId)).isEqualTo(Status.DELIVERED);
  }
}
