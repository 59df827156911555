package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.RunningPlatform;

class SipInterfaceTest {

  @TempDir
  Path dir;

  private Vertx vertx;
  private RunningPlatform platform;

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void sipOff_opensNoPort() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir));

    assertThat(platform.platform.sipPort()).isEmpty();
  }

  @Test
  void listeningOnEveryAddress_answersWithThisHostsAddressInItsContact()
      throws UnknownHostException {
    Sipp.require();
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dir)
        .withSip(SipSettings.listening("0.0.0.0:0")));
    platform.register("parcel", "http://localhost:9/webhook");
    int port = platform.platform.sipPort().orElseThrow();

    try (Sipp phone = Sipp.start(dir, "phone-options", "u1", Sipp.freePort(), port,
        "+8613800000044", Map.of("bot", "parcel"))) {
      phone.succeeds(Duration.ofSeconds(40));
      assertThat(phone.messages()).contains("Contact: <sip:parcel@"
          + InetAddress.getLocalHost().getHostAddress() + ":" + port);
    }
  }
}
