package org.openmaap.platform.webhook;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The chatbot registry's webhook side, as a map: bots registered, rotated and deleted by tests. */
final class FakeRegistry implements WebhookTargets {

  private final Map<String, Target> targets = new ConcurrentHashMap<>();

  void register(String botId, String webhookUrl, String... secrets) {
    targets.put(botId, new Target(webhookUrl, List.of(secrets)));
  }

  void delete(String botId) {
    targets.remove(botId);
  }

  @Override
  public Future<Optional<Target>> target(String botId) {
    return Future.succeededFuture(Optional.ofNullable(targets.get(botId)));
  }
}
