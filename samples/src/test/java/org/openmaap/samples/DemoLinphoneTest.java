package org.openmaap.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.sip.Linphone;
import org.openmaap.platform.sip.SipSettings;
import org.openmaap.samples.parcel.ParcelTracking;

/**
 * What the README's "SIP phones" section has a newcomer do after {@code ./run.sh}: point linphone
 * at the SIP address the demo prints and chat with the sample coffee bot.
 */
class DemoLinphoneTest {

  private static final Pattern SIP_ROW = Pattern.compile("SIP phones +register (sip:\\S+) "
      + "at sip:127\\.0\\.0\\.1:(\\d+) .*chat with (sip:coffee@\\S+)");
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir
  Path dir;

  private Vertx vertx;
  private Demo demo;

  @BeforeEach
  void start() {
    Linphone.require();
    vertx = Vertx.vertx();
    // As Demo.main opens it: SIP on the loopback address (here on any free port).
    demo = Demo.start(vertx, RunningPlatform.config(dir.resolve("data"))
            .withSip(SipSettings.listening("127.0.0.1:0")), Clock.systemUTC(),
        ParcelTracking.DEMO_PACE).await();
  }

  @AfterEach
  void stop() {
    if (demo != null) {
      demo.stop().await();
      vertx.close().await();
    }
  }

  @Test
  void linphone_registersWhereTheBannerSays_writesToTheCoffeeBot_andGetsItsTextAnswer() {
    Matcher row = SIP_ROW.matcher(demo.banner());
    assertThat(row.find()).as(demo.banner()).isTrue();

    try (Linphone phone = Linphone.start(dir.resolve("linphone"), row.group(1),
        Integer.parseInt(row.group(2)))) {
      phone.awaitRegistered(WAIT);
      phone.command("chat " + row.group(3) + " hello");

      String answer = phone.awaitLine(line -> line.contains("Message received from"), WAIT);
      assertThat(answer).contains("sip:coffee@")
          .endsWith(": Hi, welcome to Bean There! What can we make for you?");
    }
  }
}
