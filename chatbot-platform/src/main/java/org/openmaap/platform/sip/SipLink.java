package org.openmaap.platform.sip;

import io.vertx.core.Future;
import java.time.Clock;
import java.util.function.Function;
import org.openmaap.card.model.RcsMessage.TypingState;
import org.openmaap.platform.delivery.DeviceLink;
import org.openmaap.platform.delivery.DeviceMessage;

/**
 * A registered phone as the delivery core's link to it: each call sent as a MESSAGE to the phone's
 * contact. A delivery the phone does not take fails, and the core drops the link (offline).
 */
final class SipLink implements DeviceLink {

  static final String KIND = "sip";

  private final String msisdn;
  private final Registrar registrar;
  private final ToPhones phones;
  private final PhoneIds ids;
  private final Wire wire;
  private final Clock clock;
  private volatile boolean dropped;

  SipLink(String msisdn, Registrar registrar, ToPhones phones, PhoneIds ids, Wire wire,
      Clock clock) {
    this.msisdn = msisdn;
    this.registrar = registrar;
    this.phones = phones;
    this.ids = ids;
    this.wire = wire;
    this.clock = clock;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Future<Void> deliver(DeviceMessage message) {
    Future<Void> sent = registrar.binding(msisdn).map(phone -> {
      Cpim cpim;
      try {
        cpim = BotContent.message(message, wire.botUri(message.from()), phone.aor(),
            clock.instant());
      } catch (IllegalArgumentException e) {
        return Future.<Void>failedFuture(e);
      }
      return phones.send(message.from(), phone, cpim, new ToPhones.Extra(
          message.conversationId(), message.contributionId(),
          message.content().getString("inReplyToContributionId")));
    }).orElseGet(() -> Future.failedFuture("the phone is not registered"));
    // The core drops a link whose delivery failed; the phone's next REGISTER makes a new one.
    return sent.onFailure(e -> dropped = true);
  }

  @Override
  public Future<Void> revoke(String from, String msgId) {
    return send(from, phone -> BotContent.revoke(msgId, wire.botUri(from), phone.aor(),
        clock.instant()));
  }

  @Override
  public Future<Void> typing(String from, TypingState state) {
    IsComposing composing = new IsComposing(state == TypingState.ACTIVE);
    return send(from, phone -> BotContent.typing(composing, wire.botUri(from), phone.aor(),
        clock.instant()));
  }

  @Override
  public Future<Void> displayed(String from, String msgId) {
    Imdn read = new Imdn(ids.phoneId(msgId), Imdn.Status.DISPLAYED);
    return send(from, phone -> BotContent.notification(read, wire.botUri(from), phone.aor(),
        clock.instant()));
  }

  /** Whether a delivery failed since the link connected (the core no longer holds it). */
  boolean dropped() {
    return dropped;
  }

  private Future<Void> send(String from, Function<Registrar.Binding, Cpim> cpim) {
    return registrar.binding(msisdn)
        .map(phone -> phones.send(from, phone, cpim.apply(phone), ToPhones.Extra.NONE))
        .orElseGet(() -> Future.failedFuture("the phone is not registered"));
  }
}
