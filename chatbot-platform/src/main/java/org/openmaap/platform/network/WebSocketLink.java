package org.openmaap.platform.network;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.delivery.DeviceLink;
import org.openmaap.platform.delivery.DeviceMessage;

/** A device's WebSocket as the delivery core's link to it: each call written as one frame. */
final class WebSocketLink implements DeviceLink {

  static final String KIND = "websocket";

  private final ServerWebSocket socket;

  WebSocketLink(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Future<Void> deliver(DeviceMessage message) {
    return write(DeviceFrames.message(message));
  }

  @Override
  public Future<Void> revoke(String from, String msgId) {
    return write(DeviceFrames.revoke(msgId));
  }

  @Override
  public Future<Void> typing(String from, TypingState state) {
    return write(DeviceFrames.typing(from, state));
  }

  @Override
  public Future<Void> displayed(String from, String msgId) {
    return write(DeviceFrames.displayed(msgId));
  }

  private Future<Void> write(JsonObject frame) {
    return socket.isClosed()
        ? Future.failedFuture("the device disconnected")
        : socket.writeTextMessage(frame.encode());
  }
}
