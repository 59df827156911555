package org.openmaap.platform.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.logging.Logger;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.RcsMessage;
import org.openmaap.card.model.SuggestionResponse;
import org.openmaap.card.sms.SmsChoice;
import org.openmaap.card.sms.SmsOptions;
import org.openmaap.card.sms.SmsRendering;
import org.openmaap.card.sms.SmsText;
import org.openmaap.platform.delivery.BotEvents;
import org.openmaap.platform.delivery.DeliveryMetrics;
import org.openmaap.platform.delivery.EventSink;
import org.openmaap.platform.delivery.Fallback;
import org.openmaap.platform.delivery.Status;
import org.openmaap.platform.delivery.StatusMachine;
import org.openmaap.platform.registry.Chatbot;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.sms.SmsGateway;
import org.openmaap.platform.sms.SmsRejected;
import org.openmaap.platform.sms.SmsWithdrawn;
import org.openmaap.platform.sms.SubmitJournal;
import org.openmaap.platform.sms.SubmitResult;
import org.openmaap.platform.store.EventRow;
import org.openmaap.platform.store.MessageRow;
import org.openmaap.platform.store.SmsContact;
import org.openmaap.platform.store.SmsPartRow;
import org.openmaap.platform.store.SmsSubmit;
import org.openmaap.platform.store.StatusChange;
import org.openmaap.platform.store.Store;

/**
 * Sends a message as SMS (smsBodyText, else card-renderer's rendering with the chatbot's
 * signature), records its numbered choices for the answer, and turns the SMSC's answers into
 * deliveredToNetwork, deliveredAsSms or failed, each durable with its messageStatus event.
 */
public final class SmsFallback implements Fallback {
  private static final Logger LOG = Logger.getLogger(SmsFallback.class.getName());
  private static final long[] RECEIPT_RETRIES_MS = {50, 250, 1_000, 5_000};

  private final Vertx vertx;
  private final Store store;
  private final ChatbotRegistry registry;
  private final SmsGateway gateway;
  private final String sender;
  private final EventSink events;
  private final Clock clock;
  private final FallbackSettings settings;
  private final DeliveryMetrics metrics;

  public SmsFallback(Vertx vertx, Store store, ChatbotRegistry registry, SmsGateway gateway,
      String sender, EventSink events, Clock clock, FallbackSettings settings,
      DeliveryMetrics metrics) {
    this.vertx = vertx;
    this.store = store;
    this.registry = registry;
    this.gateway = gateway;
    this.sender = sender;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public Future<Void> takeOver(MessageRow message) {
    // Only from RCS: a delivered report (or a revoke by the bot) that came first wins.
    StatusChange queued = new StatusChange(Status.PENDING, Status.CHANNEL_SMS, null,
        clock.instant());
    StatusMachine.From from = StatusMachine.from(queued);
    return store.updateStatus(message.botId(), message.msgId(), from.statuses(), from.channel(),
            queued)
        .compose(changed -> {
          if (!changed) {
            return Future.succeededFuture();
          }
          metrics.toUser(Status.PENDING, Status.CHANNEL_SMS);
          return send(message);
        });
  }

  /**
   * Carries on with a message pending on SMS: one none of whose parts was submitted is sent; one
   * whose every part the SMSC accepted is deliveredToNetwork; one with a part submitted and no
   * answer recorded (a crash came between) fails with {@code sms_unknown} and is never sent again.
   */
  @Override
  public Future<Void> resume(MessageRow message) {
    if (Status.PENDING.equals(message.status())) {
      return store.smsSubmits(message.botId(), message.msgId()).compose(submits -> {
        if (submits.isEmpty()) {
          return send(message);
        }
        boolean allAccepted = submits.size() == submits.get(0).parts()
            && submits.stream().allMatch(part -> part.smscId() != null);
        return allAccepted
            ? accepted(message, new SubmitResult(message.msgId(),
                submits.stream().map(SmsSubmit::smscId).toList()))
            : fail(message, Status.REASON_SMS_UNKNOWN, null);
      });
    }
    // Accepted before the restart: finish it if every receipt came in meanwhile.
    return store.smsParts(message.botId(), message.msgId())
        .compose(parts -> settle(SmsParts.of(message.botId(), message.msgId(), parts)));
  }

  /** A receipt from the SMSC for the part it knows as {@code smscId}. */
  public void receipt(String smscId, String stat, String err) {
    receipt(smscId, stat, err, 0);
  }

  private void receipt(String smscId, String stat, String err, int attempt) {
    store.smsReceipt(SmscIdForms.of(smscId), stat, err, clock.instant())
        .compose(parts -> {
          if (!parts.isEmpty()) {
            SmsPartRow part = parts.get(0);
            return settle(SmsParts.of(part.botId(), part.msgId(), parts));
          }
          // A receipt can overtake the write that records its part's id: look again shortly.
          if (attempt < RECEIPT_RETRIES_MS.length) {
            vertx.setTimer(RECEIPT_RETRIES_MS[attempt],
                id -> receipt(smscId, stat, err, attempt + 1));
          } else {
            LOG.info(() -> "a receipt for SMSC id " + smscId + " that no fallback SMS has");
          }
          return Future.<Void>succeededFuture();
        })
        .onFailure(e -> LOG.warning(() -> "receipt " + smscId + " " + stat + " not recorded: "
            + e.getMessage()));
  }

  private Future<Void> send(MessageRow message) {
    return store.smsOptedOut(message.botId(), message.userContact()).compose(optedOut -> {
      if (optedOut) {
        return fail(message, Status.REASON_OPTED_OUT, null);
      }
      RcsMessage rcs = rcsMessage(message);
      String signature = registry.find(message.botId()).map(Chatbot::smsSignature).orElse(null);
      SmsRendering rendering = SmsText.render(rcs,
          SmsOptions.defaults().withSignature(signature));
      String text = rcs.smsBodyText() != null
          ? signed(rcs.smsBodyText(), signature)
          : rendering.text();
      Instant now = clock.instant();
      // Recorded before the submit, so that an answer as quick as the phone maps back.
      SmsContact contact = rendering.choices().isEmpty()
          ? new SmsContact(message.userContact(), sender, message.botId(), message.msgId(), now,
              null, null, null, null)
          : new SmsContact(message.userContact(), sender, message.botId(), message.msgId(), now,
              message.botId(), message.msgId(), choicesJson(rendering.choices()),
              now.plus(settings.choicesTtl()));
      return store.putSmsContact(contact)
          .compose(v -> gateway.submit(message.userContact(), text, message.msgId(),
              journal(message)))
          .compose(result -> accepted(message, result), e -> rejected(message, e));
    });
  }

  /** Notes each part in the store before it is submitted, while the message is pending on SMS. */
  private SubmitJournal journal(MessageRow message) {
    return new SubmitJournal() {
      @Override
      public Future<Boolean> submitting(int part, int parts) {
        return store.smsSubmitting(message.botId(), message.msgId(), part, parts,
            clock.instant());
      }

      @Override
      public void answered(int part, String smscId) {
        store.smsSubmitAnswered(message.botId(), message.msgId(), part, smscId)
            .onFailure(e -> LOG.warning(() -> "the SMSC's id " + smscId + " for part " + part
                + " of " + message.msgId() + " was not recorded: " + e.getMessage()));
      }
    };
  }

  private Future<Void> accepted(MessageRow message, SubmitResult result) {
    return change(message, Status.DELIVERED_TO_NETWORK, null, null,
        (accepted, report) -> store.smsAccepted(message.botId(), message.msgId(),
            result.messageIds(), StatusMachine.from(accepted).statuses(), accepted, report));
  }

  private Future<Void> rejected(MessageRow message, Throwable failure) {
    if (failure instanceof SmsRejected rejected) {
      return fail(message, Status.REASON_SMS_REJECTED, new JsonObject()
          .put("reason", Status.REASON_SMS_REJECTED)
          .put("commandStatus", String.format("0x%08X", rejected.commandStatus())));
    }
    if (failure instanceof SmsWithdrawn) {
      // A device reported it delivered (or the bot revoked it) before the first part went out.
      return Future.succeededFuture();
    }
    // The gateway stopped (shutdown) or the store failed: the message stays pending on SMS, and
    // its work row brings it back.
    LOG.warning(() -> "SMS for " + message.msgId() + " not sent: " + failure.getMessage());
    return Future.failedFuture(failure);
  }

  private Future<Void> settle(SmsParts parts) {
    if (parts.allDelivered()) {
      return report(parts, Status.DELIVERED_AS_SMS, null, null);
    }
    if (parts.failedStat() != null) {
      return report(parts, Status.FAILED, Status.REASON_SMS_NOT_DELIVERED, new JsonObject()
          .put("reason", Status.REASON_SMS_NOT_DELIVERED)
          .put("stat", parts.failedStat())
          .put("err", parts.failedErr()));
    }
    return Future.succeededFuture();
  }

  private Future<Void> report(SmsParts parts, String status, String reason, JsonObject error) {
    return store.message(parts.botId(), parts.msgId()).compose(found -> found
        .map(message -> change(message, status, reason, error))
        .orElse(Future.succeededFuture()));
  }

  private Future<Void> fail(MessageRow message, String reason, JsonObject error) {
    return change(message, Status.FAILED, reason,
        error != null ? error : new JsonObject().put("reason", reason));
  }

  private Future<Void> change(MessageRow message, String status, String reason,
      JsonObject error) {
    return change(message, status, reason, error, (moved, report) -> {
      StatusMachine.From from = StatusMachine.from(moved);
      return store.updateStatusAndInsertEvent(message.botId(), message.msgId(), from.statuses(),
          from.channel(), moved, report);
    });
  }

  /**
   * Moves the message to {@code status} on SMS with {@code write}, which stores the change and
   * its messageStatus event in one transaction (or neither, answering empty).
   */
  private Future<Void> change(MessageRow message, String status, String reason,
      JsonObject error,
      BiFunction<StatusChange, EventRow, Future<Optional<EventRow>>> write) {
    Instant now = clock.instant();
    StatusChange change = new StatusChange(status, Status.CHANNEL_SMS, reason, now);
    return events.publishWith(message.botId(), message.conversationId(),
            BotEvents.status(message, status, error, Status.CHANNEL_SMS, now),
            report -> write.apply(change, report))
        .map(changed -> {
          if (changed) {
            metrics.toUser(status, Status.CHANNEL_SMS);
          }
          return null;
        });
  }

  /** The bot's own SMS text gets its signature too, unless the text already ends with it. */
  private static String signed(String text, String signature) {
    if (signature == null || signature.isBlank() || text.strip().endsWith(signature.strip())) {
      return text;
    }
    return text + "\n" + signature.strip();
  }

  private static RcsMessage rcsMessage(MessageRow message) {
    try {
      JsonNode tree = CardJson.readTree(message.rcsMessageJson()
          .getBytes(StandardCharsets.UTF_8));
      return CardJson.treeTo(tree, RcsMessage.class);
    } catch (IOException e) {
      throw new UncheckedIOException("stored message " + message.msgId() + " is not JSON", e);
    }
  }

  /** The pending choices as stored: number, label, and the reply or action tapping it gives. */
  private static String choicesJson(List<SmsChoice> choices) {
    JsonArray array = new JsonArray();
    for (SmsChoice choice : choices) {
      array.add(new JsonObject()
          .put("number", choice.number())
          .put("displayText", choice.displayText())
          .put("tapped", new JsonObject(CardJson.write(SuggestionResponse.to(choice.suggestion())))
              .getJsonObject("response")));
    }
    return array.encode();
  }
}
