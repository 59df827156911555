package org.openmaap.samples.flight;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.samples.Phone;
import org.openmaap.samples.SampleBot;

/** A traveller checks in from an RCS phone, through the platform, and gets a boarding pass. */
class FlightCheckInTest {

  private static final String USER = "+8613800000301";
  /** Thursday 14 May 2026 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-14T02:00:00Z"),
      ZoneOffset.UTC);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private SampleBot<FlightCheckIn> flights;
  private Phone phone;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    flights = SampleBot.start(vertx, "http://localhost:" + platform.port(),
        RunningPlatform.ADMIN_TOKEN, FlightCheckIn.PROFILE, FlightCheckIn.PICTURES,
        (api, assets) -> new FlightCheckIn(api, assets, CLOCK)).await();
    phone = Phone.connect(vertx, platform.port(), RunningPlatform.NETWORK_TOKEN, USER,
        "flights");
  }

  @AfterEach
  void stop() {
    phone.close();
    flights.stop().await();
    platform.close();
    vertx.close().await();
  }

  @Test
  void hello_showsUpcomingFlightsAsACarousel_andTwoWaysToReachAnAgent() {
    phone.say("hello");

    phone.next();
    JsonObject trips = phone.next();

    assertThat(Phone.cards(trips)).extracting(card -> card.getString("title"))
        .containsExactly("OA1517 to Beijing", "OA872 to Chengdu", "OA921 to Tokyo");
    assertThat(Phone.cards(trips).get(0).getString("description"))
        .isEqualTo("Fri 15 May, 08:15 from Shanghai PVG. Check-in is open.");
    assertThat(Phone.labels(trips)).containsExactly("Check in", "Check in", "Check in",
        "Call an agent", "Text an agent");
    JsonObject dial = Phone.tapped(Phone.suggestions(trips).get(3)).getJsonObject("dialerAction")
        .getJsonObject("dialPhoneNumber");
    JsonObject compose = Phone.tapped(Phone.suggestions(trips).get(4))
        .getJsonObject("composeAction").getJsonObject("composeTextMessage");
    assertThat(dial.getString("phoneNumber")).isEqualTo("+862155550100");
    assertThat(compose.getString("phoneNumber")).isEqualTo("+862155550100");
    assertThat(compose.getString("text")).isEqualTo("Hello, I need help with my OpenAir booking.");
  }

  @Test
  void checkIn_seatByChip_sendsTheBoardingPassAsAPdfFile() {
    phone.say("hello");
    phone.next();
    JsonObject trips = phone.next();

    phone.tap(trips, "Check in");
    JsonObject seats = phone.next();
    phone.tap(seats, "Window 12A");
    JsonObject checkedIn = phone.next();
    JsonObject pass = phone.next();

    assertThat(seats.getString("textMessage"))
        .isEqualTo("Where would you like to sit on OA1517 to Beijing?");
    assertThat(Phone.labels(seats)).containsExactly("Window 12A", "Aisle 12C",
        "Extra legroom 21F");
    assertThat(checkedIn.getString("textMessage")).isEqualTo("You are checked in on OA1517 to "
        + "Beijing, seat 12A. Boarding starts at 07:35 at gate D12. Your boarding pass:");
    JsonObject file = pass.getJsonObject("fileMessage");
    assertThat(file.getString("fileName")).isEqualTo("OpenAir OA1517 boarding pass.pdf");
    assertThat(file.getString("fileMIMEType")).isEqualTo("application/pdf");
    assertThat(Phone.labels(pass)).containsExactly("Call an agent", "Text an agent");
    WebClient http = WebClient.create(vertx);
    HttpResponse<Buffer> pdf = http.getAbs(file.getString("fileUrl")).send().await();
    http.close();
    String text = pdf.bodyAsString(StandardCharsets.ISO_8859_1.name());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat((long) pdf.body().length()).isEqualTo(file.getLong("fileSize"));
    assertThat(text).startsWith("%PDF-1.4").endsWith("%%EOF\n")
        .contains("(OA1517)", "(12A)", "(D12)", "(+8613800000301)");
  }
}
