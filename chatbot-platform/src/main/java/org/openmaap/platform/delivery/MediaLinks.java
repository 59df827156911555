package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Completes what a message says about files the platform hosts (the content server's thumbnails
 * of images a sender named without one) before the message is stored.
 */
public interface MediaLinks {

  /** The RCSMessage, or a completed copy of it; never fails, a link it cannot complete stays. */
  Future<JsonObject> complete(JsonObject rcsMessage);

  /** Leaves every message as it is. */
  MediaLinks NONE = Future::succeededFuture;
}
