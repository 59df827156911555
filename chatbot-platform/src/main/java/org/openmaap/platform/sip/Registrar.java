package org.openmaap.platform.sip;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Logger;
import org.openmaap.platform.delivery.Outbound;

/**
 * Where registered phones are: each number's contact until its registration expires, and its
 * {@link SipLink} connected to the delivery core meanwhile. A link that a failed delivery dropped
 * from the core is replaced by a new one at the phone's next REGISTER.
 */
final class Registrar {

  private static final Logger LOG = Logger.getLogger(Registrar.class.getName());

  /** Registrations are asked to be refreshed at least this often. */
  static final Duration MAX_EXPIRES = Duration.ofHours(1);

  /** A phone's binding: its public identity, where it takes requests, and over what. */
  record Binding(String aor, String contact, String transport) {}

  private record Registration(Binding binding, SipLink link, long timer) {}

  private final Vertx vertx;
  private final Outbound outbound;
  private final Function<String, SipLink> links;
  private final BiFunction<String, Optional<List<String>>, Future<List<String>>> devices;
  private final BiConsumer<String, List<String>> told;
  private final Map<String, Registration> phones = new ConcurrentHashMap<>();

  /**
   * A registrar that makes each number's link with {@code links}, keeps what a phone says it can
   * do with {@code devices} (number, the features its Contact named if any; the future holds the
   * features the number has then), and tells {@code told} those features once the phone is bound:
   * its REGISTER is its capability answer.
   */
  Registrar(Vertx vertx, Outbound outbound, Function<String, SipLink> links,
      BiFunction<String, Optional<List<String>>, Future<List<String>>> devices,
      BiConsumer<String, List<String>> told) {
    this.vertx = vertx;
    this.outbound = outbound;
    this.links = links;
    this.devices = devices;
    this.told = told;
  }

  /**
   * Binds the number to {@code binding} for {@code expires}, keeping the features its Contact
   * named (if any) first; answers once it is bound (and connected, if it was not).
   */
  Future<Void> register(String msisdn, Binding binding, Duration expires,
      Optional<List<String>> features) {
    return devices.apply(msisdn, features).map(Optional::of).recover(e -> {
      LOG.warning(() -> "the features of " + msisdn + " were not kept: " + e.getMessage());
      return Future.succeededFuture(Optional.empty());
    }).map(kept -> {
      bind(msisdn, binding, expires);
      // Connecting forgets the number's capabilities: the REGISTER's answer is kept after it.
      kept.ifPresent(named -> told.accept(msisdn, named));
      return null;
    });
  }

  private void bind(String msisdn, Binding binding, Duration expires) {
    Registration before = phones.get(msisdn);
    if (before != null) {
      vertx.cancelTimer(before.timer());
    }
    boolean live = before != null && !before.link().dropped();
    SipLink link = live ? before.link() : links.apply(msisdn);
    long timer = vertx.setTimer(Math.max(1, expires.toMillis()), id -> expired(msisdn, link));
    phones.put(msisdn, new Registration(binding, link, timer));
    if (!live) {
      if (before != null) {
        outbound.disconnected(msisdn, before.link());
      }
      outbound.connected(msisdn, link).onFailure(e -> LOG.warning(() -> "phone " + msisdn
          + " registered, but its waiting messages were not written: " + e.getMessage()));
    }
  }

  /** Removes the number's registration: the phone is offline on SIP. */
  void unregister(String msisdn) {
    Registration gone = phones.remove(msisdn);
    if (gone != null) {
      vertx.cancelTimer(gone.timer());
      outbound.disconnected(msisdn, gone.link());
    }
  }

  /** Where the number's phone takes requests, while it is registered. */
  Optional<Binding> binding(String msisdn) {
    return Optional.ofNullable(phones.get(msisdn)).map(Registration::binding);
  }

  /** Forgets every registration without a word to the core: the platform stops. */
  void clear() {
    List.copyOf(phones.values()).forEach(registration -> vertx.cancelTimer(registration.timer()));
    phones.clear();
  }

  private void expired(String msisdn, SipLink link) {
    Registration now = phones.get(msisdn);
    if (now != null && now.link() == link && phones.remove(msisdn, now)) {
      LOG.fine(() -> "the registration of " + msisdn + " expired");
      outbound.disconnected(msisdn, link);
    }
  }
}
