package org.openmaap.samples.coffee;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.samples.Phone;
import org.openmaap.samples.SampleBot;

/** A customer orders a coffee from an RCS phone, through the platform, tap by tap. */
class CoffeeShopTest {

  private static final String USER = "+8613800000101";
  /** 10:15 in Shanghai. */
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-14T02:15:00Z"),
      ZoneOffset.UTC);

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private SampleBot<CoffeeShop> coffee;
  private Phone phone;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    coffee = SampleBot.start(vertx, "http://localhost:" + platform.port(),
        RunningPlatform.ADMIN_TOKEN, CoffeeShop.PROFILE, CoffeeShop.PICTURES,
        (api, assets) -> new CoffeeShop(api, assets, CLOCK)).await();
    phone = Phone.connect(vertx, platform.port(), RunningPlatform.NETWORK_TOKEN, USER, "coffee");
  }

  @AfterEach
  void stop() {
    phone.close();
    coffee.stop().await();
    platform.close();
    vertx.close().await();
  }

  @Test
  void hello_showsTheMenuAsACarouselWithPicturesThePhoneCanFetch() {
    phone.say("hi");

    JsonObject hello = phone.next();
    JsonObject menu = phone.next();

    assertThat(hello.getString("textMessage")).startsWith("Hi, welcome to Bean There!");
    List<JsonObject> cards = Phone.cards(menu);
    assertThat(cards).extracting(card -> card.getString("title"))
        .containsExactly("Latte", "Cappuccino", "Flat white", "Cold brew");
    assertThat(cards.get(0).getString("description")).endsWith("¥28");
    assertThat(Phone.labels(menu)).containsExactly("Order latte", "Order cappuccino",
        "Order flat white", "Order cold brew", "Nearest shop");
    JsonObject media = cards.get(0).getJsonObject("media");
    WebClient http = WebClient.create(vertx);
    var picture = http.getAbs(media.getString("mediaUrl")).send().await();
    http.close();
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.getHeader("Content-Type")).isEqualTo("image/png");
    assertThat((long) picture.body().length()).isEqualTo(media.getLong("mediaFileSize"));
  }

  @Test
  void order_drinkSizeAndPickupByChips_confirmsWithTheWayToTheShopAndAReminder() {
    phone.say("hi");
    phone.next();
    JsonObject menu = phone.next();

    phone.tap(menu, "Order latte");
    JsonObject size = phone.next();
    phone.tap(size, "Medium");
    JsonObject when = phone.next();
    phone.tap(when, "In 20 minutes");
    JsonObject confirmed = phone.next();

    assertThat(size.getString("textMessage")).isEqualTo("A latte, lovely. What size?");
    assertThat(Phone.labels(size)).containsExactly("Small", "Medium", "Large");
    assertThat(when.getString("textMessage"))
        .isEqualTo("When will you pick it up at Bean There People's Square?");
    JsonObject card = Phone.cards(confirmed).get(0);
    assertThat(card.getString("title")).isEqualTo("Medium latte, ready at 10:35");
    assertThat(card.getString("description"))
        .isEqualTo("Bean There People's Square. Pay ¥28 at the counter.");
    assertThat(Phone.labels(confirmed))
        .containsExactly("Show the shop", "Remind me", "Order another");
    JsonObject map = Phone.tapped(Phone.suggestions(confirmed).get(0))
        .getJsonObject("mapAction").getJsonObject("showLocation").getJsonObject("location");
    assertThat(map.getString("label")).isEqualTo("Bean There People's Square");
    JsonObject reminder = Phone.tapped(Phone.suggestions(confirmed).get(1))
        .getJsonObject("calendarAction").getJsonObject("createCalendarEvent");
    assertThat(reminder.getString("startTime")).isEqualTo("2026-05-14T10:35:00+08:00");
    assertThat(reminder.getString("endTime")).isEqualTo("2026-05-14T10:50:00+08:00");
    assertThat(reminder.getString("title")).isEqualTo("Pick up your medium latte");
  }

  @Test
  void sharedLocation_findsTheNearestShop_andPickupThereUsesIt() {
    phone.say("hi");
    phone.next();
    JsonObject menu = phone.next();
    phone.tap(menu, "Order flat white");
    phone.tap(phone.next(), "Large");
    JsonObject when = phone.next();

    phone.tap(when, "Another shop");
    phone.share(31.2380, 121.5010);
    JsonObject nearest = phone.next();
    phone.tap(nearest, "Pick up here");
    JsonObject whenThere = phone.next();

    JsonObject shop = Phone.cards(nearest).get(0);
    assertThat(shop.getString("title")).isEqualTo("Bean There Lujiazui");
    assertThat(shop.getString("description")).isEqualTo("221 m from you");
    assertThat(Phone.labels(nearest)).containsExactly("Show on map", "Pick up here");
    assertThat(whenThere.getString("textMessage"))
        .isEqualTo("When will you pick it up at Bean There Lujiazui?");
  }
}
