package org.openmaap.samples.parcel;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.samples.Phone;
import org.openmaap.samples.SampleBot;

/** A parcel's story on an RCS phone, through the platform: news unasked, a slot, a photo. */
class ParcelTrackingTest {

  private static final String USER = "+8613800000201";
  /** 18:42 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-14T10:42:00Z"),
      ZoneOffset.UTC);
  /** The courier, much faster than life. */
  private static final Duration PACE = Duration.ofMillis(200);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private SampleBot<ParcelTracking> parcels;
  private Phone phone;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    parcels = SampleBot.start(vertx, "http://localhost:" + platform.port(),
        RunningPlatform.ADMIN_TOKEN, ParcelTracking.PROFILE, ParcelTracking.PICTURES,
        (api, assets) -> new ParcelTracking(api, assets, vertx, CLOCK, PACE)).await();
    phone = Phone.connect(vertx, platform.port(), RunningPlatform.NETWORK_TOKEN, USER,
        "parcels");
  }

  @AfterEach
  void stop() {
    phone.close();
    parcels.stop().await();
    platform.close();
    vertx.close().await();
  }

  @Test
  void shipped_reachesThePhoneUnasked_withAPictureOfTheParcel() {
    parcels.bot().shipped(USER, "Bean There Coffee").await();

    JsonObject shipped = phone.next();

    JsonObject card = Phone.cards(shipped).get(0);
    assertThat(card.getString("title")).isEqualTo("Parcel OP4711 is on its way");
    assertThat(card.getString("description")).isEqualTo("From Bean There Coffee. "
        + "It arrives tomorrow.");
    assertThat(card.getJsonObject("media").getString("mediaContentType")).isEqualTo("image/png");
    assertThat(Phone.labels(shipped)).containsExactly("Choose a delivery slot", "Where is it?");
  }

  @Test
  void slotChosenWithChips_isFollowedByOutForDeliveryAndDeliveredWithAPhoto() {
    parcels.bot().shipped(USER, "Bean There Coffee").await();
    phone.tap(phone.next(), "Choose a delivery slot");
    JsonObject slots = phone.next();

    phone.tap(slots, "Tomorrow 18-21");
    JsonObject booked = phone.next();
    JsonObject onTheWay = phone.next();
    JsonObject delivered = phone.next();

    assertThat(slots.getString("textMessage")).isEqualTo("When shall we bring OP4711?");
    assertThat(Phone.labels(slots)).containsExactly("Tomorrow 9-12", "Tomorrow 12-18",
        "Tomorrow 18-21", "Leave with neighbour");
    assertThat(booked.getString("textMessage")).isEqualTo("Booked: tomorrow 18-21. "
        + "We will message you when the driver is on the way.");
    assertThat(onTheWay.getString("textMessage"))
        .isEqualTo("Parcel OP4711 is out for delivery (tomorrow 18-21).");
    JsonObject photo = Phone.cards(delivered).get(0);
    assertThat(photo.getString("title")).isEqualTo("Delivered at 18:42");
    assertThat(photo.getJsonObject("media").getString("contentDescription"))
        .isEqualTo("Your parcel at your front door");
    assertThat(Phone.labels(delivered)).containsExactly("Call us");
    // The phone had reported "out for delivery" delivered, so there was nothing to take back.
    assertThat(phone.others()).noneMatch(frame -> "revoke".equals(frame.getString("type")));
  }

  @Test
  void whereIsIt_answersWithTheParcelsStep() {
    parcels.bot().shipped(USER, "Bean There Coffee").await();

    phone.tap(phone.next(), "Where is it?");
    JsonObject where = phone.next();

    assertThat(where.getString("textMessage")).isEqualTo("Parcel OP4711 from Bean There Coffee "
        + "is at our Shanghai depot. It arrives tomorrow.");
    assertThat(Phone.labels(where)).containsExactly("Choose a delivery slot");
  }
}
