package org.openmaap.samples.coffee;

import static org.openmaap.samples.kit.Suggestions.calendar;
import static org.openmaap.samples.kit.Suggestions.reply;
import static org.openmaap.samples.kit.Suggestions.requestLocation;
import static org.openmaap.samples.kit.Suggestions.showLocation;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openmaap.card.model.GeolocationPushMessage;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.samples.kit.Assets;
import org.openmaap.samples.kit.Card;
import org.openmaap.samples.kit.ChatbotClient;
import org.openmaap.samples.kit.Chatbot;
import org.openmaap.samples.kit.Event;
import org.openmaap.samples.kit.Message;
import org.openmaap.samples.kit.Profile;

/**
 * Bean There Coffee: the menu as a carousel, an order taken with chips (drink, size, pickup time),
 * the nearest shop from the location the user shares, and the pickup in their calendar.
 */
public final class CoffeeShop implements Chatbot {

  public static final Profile PROFILE = new Profile("coffee", "Bean There Coffee", "#6F4E37",
      "Order ahead and skip the queue.");
  public static final List<String> PICTURES = List.of("coffee/latte.png",
      "coffee/cappuccino.png", "coffee/flat-white.png", "coffee/cold-brew.png");

  private record Drink(String id, String name, String description, int yuan, String picture) {}

  private static final List<Drink> MENU = List.of(
      new Drink("latte", "Latte", "Double espresso, silky steamed milk.", 28, "coffee/latte.png"),
      new Drink("cappuccino", "Cappuccino", "Espresso under a thick cap of foam.", 28,
          "coffee/cappuccino.png"),
      new Drink("flatwhite", "Flat white", "Ristretto and velvety microfoam.", 30,
          "coffee/flat-white.png"),
      new Drink("coldbrew", "Cold brew", "Steeped for 18 hours, served over ice.", 32,
          "coffee/cold-brew.png"));

  private record Shop(String name, double latitude, double longitude) {}

  private static final List<Shop> SHOPS = List.of(
      new Shop("Bean There People's Square", 31.2304, 121.4737),
      new Shop("Bean There Jing'an Temple", 31.2237, 121.4456),
      new Shop("Bean There Lujiazui", 31.2397, 121.4998));

  /** What a user has chosen so far; the shop is the nearest one once they share a location. */
  private record Order(Drink drink, String size, Shop shop) {}

  private static final List<String> SIZES = List.of("small", "medium", "large");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private final ChatbotClient api;
  private final Assets assets;
  private final Clock clock;
  private final Map<String, Order> orders = new ConcurrentHashMap<>();

  public CoffeeShop(ChatbotClient api, Assets assets, Clock clock) {
    this.api = api;
    this.assets = assets;
    this.clock = clock;
  }

  @Override
  public Future<?> on(Event event) {
    String user = event.user();
    return switch (event.type()) {
      case MESSAGE -> event.location() != null
          ? nearestShop(user, event.location())
          : menu(user);
      case RESPONSE -> chosen(user, event.postback());
      default -> Future.succeededFuture();
    };
  }

  /** Whatever the user writes, they get a hello and the menu. */
  private Future<?> menu(String user) {
    Card[] cards = MENU.stream().map(drink -> Card.of(drink.name(),
            drink.description() + " ¥" + drink.yuan())
        .media(assets.image(drink.picture(), drink.name(), MediaHeight.MEDIUM_HEIGHT))
        .buttons(reply("Order " + drink.name().toLowerCase(), "order:" + drink.id())))
        .toArray(Card[]::new);
    return api.send(user, Message.text("Hi, welcome to Bean There! What can we make for you?"))
        .compose(sent -> api.send(user, Message.carousel(cards)
            .chips(requestLocation("Nearest shop"))));
  }

  private Future<?> chosen(String user, String postback) {
    String[] choice = (postback == null ? "" : postback).split(":", 2);
    String value = choice.length > 1 ? choice[1] : "";
    return switch (choice[0]) {
      case "order" -> drink(user, value);
      case "size" -> SIZES.contains(value) ? size(user, value) : menu(user);
      case "pickup" -> value.matches("\\d{1,3}") ? pickup(user, Integer.parseInt(value))
          : menu(user);
      case "menu" -> menu(user);
      // The phone also reports taps on actions (a map, a calendar entry): nothing to say.
      default -> Future.succeededFuture();
    };
  }

  private Future<?> drink(String user, String drinkId) {
    Drink drink = MENU.stream().filter(d -> d.id().equals(drinkId)).findFirst().orElse(null);
    if (drink == null) {
      return menu(user);
    }
    Order before = orders.get(user);
    orders.put(user, new Order(drink, null, before == null ? SHOPS.get(0) : before.shop()));
    return api.send(user, Message.text("A " + drink.name().toLowerCase() + ", lovely. "
            + "What size?")
        .chips(reply("Small", "size:small"), reply("Medium", "size:medium"),
            reply("Large", "size:large")));
  }

  private Future<?> size(String user, String size) {
    Order order = orders.computeIfPresent(user,
        (u, o) -> new Order(o.drink(), size, o.shop()));
    if (order == null) {
      return menu(user);
    }
    return api.send(user, Message.text("When will you pick it up at " + order.shop().name()
            + "?")
        .chips(reply("In 10 minutes", "pickup:10"), reply("In 20 minutes", "pickup:20"),
            reply("In 30 minutes", "pickup:30"), requestLocation("Another shop")));
  }

  /** The order is placed: a confirmation card with the way to the shop and a calendar reminder. */
  private Future<?> pickup(String user, int minutes) {
    Order order = orders.get(user);
    if (order == null || order.size() == null) {
      return menu(user);
    }
    OffsetDateTime ready = OffsetDateTime.now(clock.withZone(SHANGHAI))
        .plusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES);
    String what = capitalised(order.size()) + " " + order.drink().name().toLowerCase();
    Shop shop = order.shop();
    return api.send(user, Message.card(Card.of(what + ", ready at " + HOUR_MINUTE.format(ready),
                shop.name() + ". Pay ¥" + order.drink().yuan() + " at the counter.")
            .media(assets.image(order.drink().picture(), what, MediaHeight.MEDIUM_HEIGHT))
            .buttons(
                showLocation("Show the shop", shop.latitude(), shop.longitude(), shop.name()),
                calendar("Remind me", ready, ready.plusMinutes(15),
                    "Pick up your " + what.toLowerCase(), shop.name()),
                reply("Order another", "menu"))));
  }

  /** The user shared where they are: the nearest shop becomes theirs. */
  private Future<?> nearestShop(String user, GeolocationPushMessage here) {
    Shop shop = SHOPS.stream().min(Comparator.comparingDouble(s -> metres(here, s)))
        .orElseThrow();
    orders.compute(user, (u, o) -> o == null ? new Order(null, null, shop)
        : new Order(o.drink(), o.size(), shop));
    Order order = orders.get(user);
    long away = Math.round(metres(here, shop));
    Card card = Card.of(shop.name(), away < 1000 ? away + " m from you"
            : String.format("%.1f km from you", away / 1000.0))
        .buttons(showLocation("Show on map", shop.latitude(), shop.longitude(), shop.name()),
            order.size() != null
                ? reply("Pick up here", "size:" + order.size())
                : reply("See the menu", "menu"));
    return api.send(user, Message.card(card));
  }

  /** Straight-line distance on a sphere of the Earth's radius (haversine). */
  private static double metres(GeolocationPushMessage here, Shop shop) {
    double lat1 = Math.toRadians(here.latitude());
    double lat2 = Math.toRadians(shop.latitude());
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(shop.longitude() - here.longitude());
    double a = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6_371_000 * Math.asin(Math.sqrt(a));
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
