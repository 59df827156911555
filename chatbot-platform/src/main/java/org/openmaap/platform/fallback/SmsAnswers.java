package org.openmaap.platform.fallback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.openmaap.platform.Msisdn;
import org.openmaap.platform.delivery.Inbound;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.failure.Invalid;
import org.openmaap.platform.fallback.SmsAnswer.Choice;
import org.openmaap.platform.fallback.SmsAnswer.Keyword;
import org.openmaap.platform.fallback.SmsAnswer.Text;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.sms.SmsGateway;
import org.openmaap.platform.store.SmsContact;
import org.openmaap.platform.store.Store;

/**
 * Users' SMS to the platform's sender number: routed to the chatbot whose SMS they answer (never
 * to a guessed one), STOP / START / HELP handled here, a choice's number or label becoming the
 * {@code response} event a tap would give, anything else a {@code message} with channel sms.
 */
public final class SmsAnswers {
  private static final Logger LOG = Logger.getLogger(SmsAnswers.class.getName());

  private final Store store;
  private final ChatbotRegistry registry;
  private final Inbound inbound;
  private final SmsGateway gateway;
  private final Clock clock;
  private final Counter unrouted;
  private final Counter keywords;

  public SmsAnswers(Store store, ChatbotRegistry registry,
      Inbound inbound, SmsGateway gateway, Clock clock, MeterRegistry meters) {
    this.store = store;
    this.registry = registry;
    this.inbound = inbound;
    this.gateway = gateway;
    this.clock = clock;
    this.unrouted = Counter.builder("openmaap.sms.unrouted")
        .description("Users' SMS dropped because no chatbot's SMS went to them from that number")
        .register(meters);
    this.keywords = Counter.builder("openmaap.sms.keywords")
        .description("STOP, START and HELP answers handled by the platform")
        .register(meters);
  }

  /** A user's SMS, as the gateway decoded and joined it. */
  public void message(String from, String to, String text) {
    String user;
    try {
      user = Msisdn.normalize(from.startsWith("+") ? from : "+" + from);
    } catch (Invalid e) {
      LOG.warning(() -> "an SMS from '" + from + "', which is not a phone number, was dropped");
      unrouted.increment();
      return;
    }
    store.smsContact(user, to)
        .compose(contact -> answer(user, to, text, contact.orElse(null)))
        .onFailure(e -> LOG.warning(() -> "the SMS from " + user + " to " + to
            + " was not handed on: " + e.getMessage()));
  }

  private Future<?> answer(String user, String sender, String text, SmsContact contact) {
    if (contact == null) {
      return drop(user, sender);
    }
    boolean choicesOpen = contact.choicesJson() != null && contact.choicesUntil() != null
        && contact.choicesUntil().isAfter(clock.instant());
    SmsAnswer answer = SmsAnswer.read(text,
        choicesOpen ? new JsonArray(contact.choicesJson()) : null);
    if (answer instanceof Choice choice) {
      return inbound.fromUser(user, contact.choiceBotId(),
          new JsonObject().put("suggestedResponse",
              new JsonObject().put("response", choice.tapped())), Status.CHANNEL_SMS);
    }
    Optional<Chatbot> chatbot = registry.find(contact.latestBotId());
    if (chatbot.isEmpty()) {
      return drop(user, sender);
    }
    if (answer instanceof Keyword keyword) {
      keywords.increment();
      return keyword(user, chatbot.get(), keyword, text);
    }
    return inbound.fromUser(user, chatbot.get().botId(),
        new JsonObject().put("textMessage", ((Text) answer).text()), Status.CHANNEL_SMS);
  }

  private Future<?> keyword(String user, Chatbot chatbot, Keyword keyword, String text) {
    String botId = chatbot.botId();
    return switch (keyword.kind()) {
      case HELP -> reply(user, chatbot.name() + ": "
          + (chatbot.website() != null ? chatbot.website() : "a chatbot on this number")
          + ". Reply STOP to get no more SMS from it.");
      case OPT_OUT -> store.setSmsOptOut(botId, user, true, clock.instant())
          // The bot is told what the user wrote; the platform already stopped its SMS.
          .compose(v -> inbound.fromUser(user, botId, new JsonObject().put("textMessage", text),
              Status.CHANNEL_SMS))
          .compose(v -> reply(user, "You will get no more SMS from " + chatbot.name()
              + ". Reply START to get them again."));
      case OPT_IN -> store.setSmsOptOut(botId, user, false, clock.instant())
          .compose(v -> inbound.fromUser(user, botId, new JsonObject().put("textMessage", text),
              Status.CHANNEL_SMS))
          .compose(v -> reply(user, "You will get SMS from " + chatbot.name()
              + " again. Reply STOP to stop them."));
    };
  }

  private Future<?> reply(String user, String text) {
    return gateway.submit(user, text, "reply-" + UUID.randomUUID());
  }

  private Future<?> drop(String user, String sender) {
    LOG.info(() -> "an SMS from " + user + " to " + sender
        + " answers no chatbot's SMS; dropped");
    unrouted.increment();
    return Future.succeededFuture();
  }
}
