package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A connected device: frames written to it reach the phone. */
public interface DeviceLink {

  /** Writes one frame; the future fails when the device is gone. */
  Future<Void> send(JsonObject frame);
}
