package org.openmaap.samples.parcel;

import static org.openmaap.samples.kit.Suggestions.dial;
import static org.openmaap.samples.kit.Suggestions.reply;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.card.model.Reply;
import org.openmaap.samples.kit.Assets;
import org.openmaap.samples.kit.Card;
import org.openmaap.samples.kit.ChatbotClient;
import org.openmaap.samples.kit.ChatbotClient.Sent;
import org.openmaap.samples.kit.Chatbot;
import org.openmaap.samples.kit.Event;
import org.openmaap.samples.kit.Message;
import org.openmaap.samples.kit.Profile;

/**
 * OpenParcel: tells people about their parcel before they ask (shipped, out for delivery,
 * delivered with a photo at the door), lets them choose a delivery slot with chips, and gives
 * phones without RCS short texts whose numbered answers work like the chips.
 */
public final class ParcelTracking implements Chatbot {

  public static final Profile PROFILE = new Profile("parcels", "OpenParcel", "#E4572E",
      "Where your parcel is, before you ask.");
  public static final List<String> PICTURES = List.of("parcel/parcel.png", "parcel/delivered.png");
  /** How long the courier takes in the demo from one step to the next; real parcels take hours. */
  public static final Duration DEMO_PACE = Duration.ofSeconds(20);

  private static final List<String> SLOTS = List.of("Tomorrow 9-12", "Tomorrow 12-18",
      "Tomorrow 18-21", "Leave with neighbour");
  private static final String HELPLINE = "+864008200820";

  private enum Step { AT_DEPOT, BOOKED, OUT_FOR_DELIVERY, DELIVERED }

  /** One parcel per user in this sample; the courier's timer id lets a new slot replace the old. */
  private record Parcel(String id, String sender, Step step, String slot, long timer,
      String outForDeliveryMsgId) {

    Parcel next(Step newStep, String newSlot, long newTimer, String msgId) {
      return new Parcel(id, sender, newStep, newSlot, newTimer, msgId);
    }
  }

  private static final Logger LOG = Logger.getLogger(ParcelTracking.class.getName());
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final ChatbotClient api;
  private final Assets assets;
  private final Vertx vertx;
  private final Clock clock;
  private final Duration pace;
  private final Map<String, Parcel> parcels = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger(4711);

  public ParcelTracking(ChatbotClient api, Assets assets, Vertx vertx, Clock clock,
      Duration pace) {
    this.api = api;
    this.assets = assets;
    this.vertx = vertx;
    this.clock = clock;
    this.pace = pace;
  }

  /** The shop's systems call this when a parcel leaves the depot: the first news, unasked. */
  public Future<Sent> shipped(String user, String sender) {
    Parcel parcel = new Parcel("OP" + numbers.getAndIncrement(), sender, Step.AT_DEPOT, null, -1,
        null);
    parcels.put(user, parcel);
    return api.send(user, Message.card(Card.of("Parcel " + parcel.id() + " is on its way",
                "From " + sender + ". It arrives tomorrow.")
            .media(assets.image("parcel/parcel.png", "Parcel " + parcel.id(),
                MediaHeight.MEDIUM_HEIGHT))
            .buttons(reply("Choose a delivery slot", "slots"), reply("Where is it?", "where")))
        .smsText("OpenParcel: " + parcel.id() + " from " + sender + " arrives tomorrow.\n"
            + "1) Choose a delivery slot\n2) Where is it?\nReply with a number."));
  }

  @Override
  public Future<?> on(Event event) {
    String user = event.user();
    return switch (event.type()) {
      // In this sample anyone who writes gets a parcel, so the whole story can be tried.
      case MESSAGE -> parcels.containsKey(user) ? where(user) : shipped(user, "Bean There Coffee");
      case RESPONSE -> chosen(user, event.postback() == null ? "" : event.postback());
      default -> Future.succeededFuture();
    };
  }

  private Future<?> chosen(String user, String postback) {
    if (!parcels.containsKey(user)) {
      return shipped(user, "Bean There Coffee");
    }
    if (postback.equals("slots")) {
      return slots(user);
    }
    if (postback.matches("slot:\\d")) {
      int slot = Integer.parseInt(postback.substring("slot:".length()));
      return slot < SLOTS.size() ? book(user, SLOTS.get(slot)) : slots(user);
    }
    return postback.equals("where") ? where(user) : Future.succeededFuture();
  }

  private Future<?> slots(String user) {
    Parcel parcel = parcels.get(user);
    if (parcel.step() == Step.OUT_FOR_DELIVERY || parcel.step() == Step.DELIVERED) {
      return where(user);
    }
    Reply[] chips = new Reply[SLOTS.size()];
    StringBuilder sms = new StringBuilder("OpenParcel: when shall we bring " + parcel.id()
        + "?\n");
    for (int i = 0; i < SLOTS.size(); i++) {
      chips[i] = reply(SLOTS.get(i), "slot:" + i);
      sms.append(i + 1).append(") ").append(SLOTS.get(i)).append('\n');
    }
    return api.send(user, Message.text("When shall we bring " + parcel.id() + "?").chips(chips)
        .smsText(sms + "Reply with a number."));
  }

  /** A slot is booked; the courier's next steps follow on their own (faster than life here). */
  private Future<?> book(String user, String slot) {
    Parcel parcel = parcels.get(user);
    if (parcel.timer() >= 0) {
      vertx.cancelTimer(parcel.timer());
    }
    long timer = vertx.setTimer(pace.toMillis(), t -> outForDelivery(user));
    parcels.put(user, parcel.next(Step.BOOKED, slot, timer, null));
    String booked = "Booked: " + slot.toLowerCase() + ". We will message you when the driver "
        + "is on the way.";
    return api.send(user, Message.text(booked).chips(reply("Change the slot", "slots"))
        .smsText("OpenParcel: " + booked + "\n1) Change the slot\nReply with a number."));
  }

  private void outForDelivery(String user) {
    Parcel parcel = parcels.get(user);
    String news = "Parcel " + parcel.id() + " is out for delivery ("
        + parcel.slot().toLowerCase() + ").";
    api.send(user, Message.text(news).smsText("OpenParcel: " + news))
        .onSuccess(sent -> parcels.put(user, parcel.next(Step.OUT_FOR_DELIVERY, parcel.slot(),
            vertx.setTimer(pace.toMillis(), t -> delivered(user)), sent.msgId())))
        .onFailure(e -> LOG.warning("out for delivery, not sent to " + user + ": " + e));
  }

  /**
   * Delivered, with the driver's photo. "Out for delivery" is stale news by now: if the phone has
   * not got it yet (it was off), it is taken back rather than delivered late.
   */
  private void delivered(String user) {
    Parcel parcel = parcels.get(user);
    String at = LocalTime.now(clock.withZone(SHANGHAI)).format(DateTimeFormatter.ofPattern(
        "HH:mm"));
    Message photo = Message.card(Card.of("Delivered at " + at,
                "Parcel " + parcel.id() + " is at your front door.")
            .media(assets.image("parcel/delivered.png", "Your parcel at your front door",
                MediaHeight.MEDIUM_HEIGHT))
            .buttons(dial("Call us", HELPLINE)))
        .smsText("OpenParcel: " + parcel.id() + " was delivered at " + at
            + ", at your front door. Questions? Call " + HELPLINE);
    api.revoke(parcel.outForDeliveryMsgId())
        .compose(revoked -> api.send(user, photo))
        .onSuccess(sent -> parcels.put(user, parcel.next(Step.DELIVERED, parcel.slot(), -1,
            null)))
        .onFailure(e -> LOG.warning("delivered, not sent to " + user + ": " + e));
  }

  private Future<?> where(String user) {
    Parcel parcel = parcels.get(user);
    String where = switch (parcel.step()) {
      case AT_DEPOT -> "at our Shanghai depot. It arrives tomorrow.";
      case BOOKED -> "booked for " + parcel.slot().toLowerCase() + ".";
      case OUT_FOR_DELIVERY -> "with the driver, on its way to you.";
      case DELIVERED -> "delivered. Enjoy!";
    };
    String text = "Parcel " + parcel.id() + " from " + parcel.sender() + " is " + where;
    return parcel.step() == Step.AT_DEPOT || parcel.step() == Step.BOOKED
        ? api.send(user, Message.text(text).chips(reply("Choose a delivery slot", "slots"))
            .smsText("OpenParcel: " + text + "\n1) Choose a delivery slot\nReply with a number."))
        : api.send(user, Message.text(text).smsText("OpenParcel: " + text));
  }
}
