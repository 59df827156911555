package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void health_onStartedPlatform_answersUp() {
    HttpVerticle http = new HttpVerticle(new PlatformConfig(0, Path.of("target/data"), "test.local"));
    vertx.deployVerticle(http).await();

    HttpResponse<?> response = WebClient.create(vertx)
        .get(http.actualPort(), "localhost", "/admin/v1/health")
        .send()
        .expecting(HttpResponseExpectation.SC_OK)
        .await();

    assertThat(response.bodyAsJsonObject()).isEqualTo(new JsonObject().put("status", "up"));
  }

  @Test
  void fromEnvironment_badPort_namesTheVariable() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PlatformConfig.fromEnvironment(java.util.Map.of("OPENMAAP_PORT", "eighty")))
        .hasMessageContaining("OPENMAAP_PORT");
  }
}
