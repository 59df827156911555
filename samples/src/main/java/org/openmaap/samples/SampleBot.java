package org.openmaap.samples;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.util.List;
import java.util.function.BiFunction;
import org.openmaap.samples.kit.Assets;
import org.openmaap.samples.kit.ChatbotClient;
import org.openmaap.samples.kit.ChatbotServer;
import org.openmaap.samples.kit.Chatbot;
import org.openmaap.samples.kit.Credentials;
import org.openmaap.samples.kit.Profile;

/**
 * A sample chatbot running as a brand would run it: its own webhook server, registered with the
 * platform, its pictures uploaded, and events flowing to it.
 */
public record SampleBot<B extends Chatbot>(B bot, Credentials credentials, ChatbotServer server,
    ChatbotClient api) {

  /**
   * Starts the chatbot's server on a free port, registers it (admin API), uploads its pictures
   * and starts taking events.
   */
  public static <B extends Chatbot> Future<SampleBot<B>> start(Vertx vertx, String platformUrl,
      String adminToken, Profile profile, List<String> pictures,
      BiFunction<ChatbotClient, Assets, B> create) {
    WebClient admin = WebClient.create(vertx);
    Registrar registrar = new Registrar(admin, platformUrl, adminToken);
    return ChatbotServer.listen(vertx, "localhost", 0).compose(server ->
        registrar.register(profile, server.webhookUrl()).compose(credentials -> {
          ChatbotClient api = ChatbotClient.create(vertx, credentials);
          return Assets.publish(api, pictures).map(assets -> {
            B bot = create.apply(api, assets);
            server.serve(credentials.webhookSecret(), bot);
            return new SampleBot<>(bot, credentials, server, api);
          });
        }))
        .eventually(() -> {
          admin.close();
          return Future.succeededFuture();
        });
  }

  /** Stops taking events. */
  public Future<Void> stop() {
    api.close();
    return server.close();
  }
}
