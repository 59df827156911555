package org.openmaap.platform.network;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.logging.Logger;
import org.openmaap.platform.ApiError;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.delivery.DeviceLink;
import org.openmaap.platform.delivery.Inbound;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.failure.Refusal;

/**
 * {@code GET /network/v1/devices/{msisdn}/ws}: a device's WebSocket. Frames are JSON text; every
 * device frame with an {@code id} is answered with an ack or an error, and a bad frame never
 * closes the connection.
 */
public final class DeviceGateway {

  private static final Logger LOG = Logger.getLogger(DeviceGateway.class.getName());
  private static final int MAX_FRAME_BYTES = 512 * 1024;

  private final Outbound outbound;
  private final Inbound inbound;

  public DeviceGateway(Outbound outbound, Inbound inbound) {
    this.outbound = outbound;
    this.inbound = inbound;
  }

  /** Upgrades an authenticated request to the device's WebSocket. */
  public void connect(RoutingContext ctx) {
    String msisdn = Msisdn.normalize(ctx.pathParam("msisdn"));
    if (!ctx.request().canUpgradeToWebSocket()) {
      ctx.fail(ApiError.badRequest("not_a_websocket", "connect with a WebSocket client: "
          + "this path takes an RFC 6455 upgrade request (Upgrade: websocket)"));
      return;
    }
    ctx.request().toWebSocket().onSuccess(socket -> attach(msisdn, socket)).onFailure(ctx::fail);
  }

  private void attach(String msisdn, ServerWebSocket socket) {
    DeviceLink link = new WebSocketLink(socket);
    socket.textMessageHandler(text -> reply(msisdn, text)
        .onSuccess(frame -> frame.ifPresent(answer -> write(socket, answer))));
    socket.binaryMessageHandler(binary -> write(socket, DeviceFrames.error(null,
        ApiError.badRequest("invalid_frame", "frames are JSON text, not binary"))));
    socket.exceptionHandler(e -> LOG.fine(() -> "device " + msisdn + ": " + e.getMessage()));
    socket.closeHandler(v -> outbound.disconnected(msisdn, link));
    outbound.connected(msisdn, link);
  }

  /**
   * What the platform answers a device's text frame: an ack when the frame has an {@code id} and
   * was done, an error frame when it could not be (with or without an id), else nothing.
   */
  Future<Optional<JsonObject>> reply(String msisdn, String text) {
    if (text.length() > MAX_FRAME_BYTES) {
      return Future.succeededFuture(Optional.of(DeviceFrames.error(null, new ApiError(413,
          "too_large", "a frame may have at most " + MAX_FRAME_BYTES + " characters"))));
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return Future.succeededFuture(Optional.of(DeviceFrames.error(null,
          ApiError.badRequest("invalid_json", "a frame must be a JSON object"))));
    }
    Object id = frame.getValue("id");
    Future<JsonObject> result;
    try {
      result = dispatch(msisdn, frame);
    } catch (ApiError | Refusal e) {
      result = Future.failedFuture(e);
    } catch (RuntimeException e) {
      result = Future.failedFuture(ApiError.badRequest("invalid_frame",
          "the frame could not be read: " + e.getMessage()));
    }
    return result.transform(done -> {
      if (done.failed()) {
        Throwable failure = done.cause();
        return Future.succeededFuture(Optional.of(DeviceFrames.error(id,
            failure instanceof ApiError api ? api
                : failure instanceof Refusal refusal ? ApiError.of(refusal)
                : new ApiError(500, "internal", "the platform failed: " + failure.getMessage()))));
      }
      return Future.succeededFuture(id == null ? Optional.empty()
          : Optional.of(DeviceFrames.ack(id, done.result())));
    });
  }

  private Future<JsonObject> dispatch(String msisdn, JsonObject frame) {
    String type = frame.getString("type");
    if (type == null) {
      throw ApiError.badRequest("invalid_frame", "a frame needs a type");
    }
    return switch (type) {
      case "message" -> {
        JsonObject rcs = frame.getJsonObject("RCSMessage");
        if (rcs == null) {
          throw ApiError.badRequest("invalid_frame", "a message frame needs RCSMessage");
        }
        yield inbound.fromUser(msisdn, frame.getString("to"), rcs, Status.CHANNEL_RCS)
            .map(msgId -> new JsonObject().put("msgId", msgId));
      }
      case "delivered" -> outbound.delivered(msisdn, requireMsgId(frame))
          .map(v -> new JsonObject());
      case "displayed" -> outbound.displayed(msisdn, requireMsgId(frame))
          .map(v -> new JsonObject());
      case "isTyping" -> inbound.typing(msisdn, frame.getString("to"), frame.getString("state"))
          .map(v -> new JsonObject());
      default -> throw ApiError.badRequest("invalid_frame", "unknown frame type '" + type
          + "'; devices send message, delivered, displayed or isTyping");
    };
  }

  private static String requireMsgId(JsonObject frame) {
    String msgId = frame.getString("msgId");
    if (msgId == null) {
      throw ApiError.badRequest("invalid_frame", "the frame needs a msgId");
    }
    return msgId;
  }

  private static void write(ServerWebSocket socket, JsonObject frame) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(frame.encode());
    }
  }
}
