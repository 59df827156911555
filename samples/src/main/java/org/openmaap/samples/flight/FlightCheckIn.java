package org.openmaap.samples.flight;

import static org.openmaap.samples.kit.Suggestions.compose;
import static org.openmaap.samples.kit.Suggestions.dial;
import static org.openmaap.samples.kit.Suggestions.reply;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.openmaap.card.model.Action;
import org.openmaap.card.model.Media.MediaHeight;
import org.openmaap.card.model.Reply;
import org.openmaap.samples.kit.Assets;
import org.openmaap.samples.kit.Card;
import org.openmaap.samples.kit.ChatbotClient;
import org.openmaap.samples.kit.Chatbot;
import org.openmaap.samples.kit.Event;
import org.openmaap.samples.kit.Message;
import org.openmaap.samples.kit.Profile;

/**
 * OpenAir: the user's upcoming flights as a carousel, check-in with a seat chosen from chips, the
 * boarding pass as a PDF file message, and an agent one tap away by call or by text.
 */
public final class FlightCheckIn implements Chatbot {

  public static final Profile PROFILE = new Profile("flights", "OpenAir", "#1D4E89",
      "Check in, choose your seat, board.");
  public static final List<String> PICTURES = List.of("flight/pek.png", "flight/ctu.png",
      "flight/hnd.png");

  private static final String AGENT = "+862155550100";

  private record Flight(String number, String to, String city, int daysAhead, LocalTime departs,
      String gate, String picture) {}

  /** Every user has these bookings in this sample; a real bot looks them up by phone number. */
  private static final List<Flight> FLIGHTS = List.of(
      new Flight("OA1517", "PEK", "Beijing", 1, LocalTime.of(8, 15), "D12", "flight/pek.png"),
      new Flight("OA872", "CTU", "Chengdu", 3, LocalTime.of(13, 40), "C31", "flight/ctu.png"),
      new Flight("OA921", "HND", "Tokyo", 7, LocalTime.of(18, 5), "E20", "flight/hnd.png"));

  private static final List<String> SEATS = List.of("12A", "12C", "21F");
  private static final List<String> SEAT_LABELS = List.of("Window 12A", "Aisle 12C",
      "Extra legroom 21F");

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM",
      Locale.ENGLISH);

  private final ChatbotClient api;
  private final Assets assets;
  private final Clock clock;

  public FlightCheckIn(ChatbotClient api, Assets assets, Clock clock) {
    this.api = api;
    this.assets = assets;
    this.clock = clock;
  }

  @Override
  public Future<?> on(Event event) {
    String user = event.user();
    return switch (event.type()) {
      case MESSAGE -> trips(user);
      case RESPONSE -> chosen(user, event.postback() == null ? "" : event.postback());
      default -> Future.succeededFuture();
    };
  }

  /** Whatever the user writes, they see their upcoming flights. */
  private Future<?> trips(String user) {
    Card[] cards = FLIGHTS.stream().map(flight -> Card.of(flight.number() + " to "
            + flight.city(), DAY.format(day(flight)) + ", " + flight.departs()
            + " from Shanghai PVG. Check-in is open.")
        .media(assets.image(flight.picture(), flight.city(), MediaHeight.MEDIUM_HEIGHT))
        .buttons(reply("Check in", "checkin:" + flight.number())))
        .toArray(Card[]::new);
    return api.send(user, Message.text("Hello from OpenAir! Here are your upcoming flights."))
        .compose(sent -> api.send(user, Message.carousel(cards).chips(agent())));
  }

  private Future<?> chosen(String user, String postback) {
    String[] choice = postback.split(":");
    Flight flight = choice.length > 1 ? flight(choice[1]) : null;
    if (flight == null) {
      // A tap on a call or text action, or an old button: nothing to answer.
      return Future.succeededFuture();
    }
    return switch (choice[0]) {
      case "checkin" -> seats(user, flight);
      case "seat" -> choice.length > 2 && SEATS.contains(choice[2])
          ? checkedIn(user, flight, choice[2]) : seats(user, flight);
      default -> Future.succeededFuture();
    };
  }

  private Future<?> seats(String user, Flight flight) {
    Reply[] chips = new Reply[SEATS.size()];
    for (int i = 0; i < SEATS.size(); i++) {
      chips[i] = reply(SEAT_LABELS.get(i), "seat:" + flight.number() + ":" + SEATS.get(i));
    }
    return api.send(user, Message.text("Where would you like to sit on " + flight.number()
            + " to " + flight.city() + "?").chips(chips));
  }

  /** Checked in: the details in a sentence, then the boarding pass as a PDF. */
  private Future<?> checkedIn(String user, Flight flight, String seat) {
    LocalTime boards = flight.departs().minusMinutes(40);
    BoardingPass pass = new BoardingPass(user, flight.number(), "PVG", flight.to(),
        DAY.format(day(flight)), flight.departs().toString(), boards.toString(), flight.gate(),
        seat);
    String fileName = "OpenAir " + flight.number() + " boarding pass.pdf";
    return api.send(user, Message.text("You are checked in on " + flight.number() + " to "
            + flight.city() + ", seat " + seat + ". Boarding starts at " + boards + " at gate "
            + flight.gate() + ". Your boarding pass:"))
        .compose(sent -> api.upload(fileName, "application/pdf", Buffer.buffer(pass.pdf())))
        .compose(file -> api.send(user, Message.file(file, fileName).chips(agent())));
  }

  /** Two ways to reach a person: call the agents, or open a text to them. */
  private static Action[] agent() {
    return new Action[] {
        dial("Call an agent", AGENT),
        compose("Text an agent", AGENT, "Hello, I need help with my OpenAir booking.")};
  }

  private LocalDate day(Flight flight) {
    return LocalDate.now(clock.withZone(SHANGHAI)).plusDays(flight.daysAhead());
  }

  private static Flight flight(String number) {
    return FLIGHTS.stream().filter(f -> f.number().equals(number)).findFirst().orElse(null);
  }
}
