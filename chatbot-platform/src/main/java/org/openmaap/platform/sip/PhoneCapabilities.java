package org.openmaap.platform.sip;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.openmaap.platform.delivery.Capabilities;
import org.openmaap.platform.delivery.DeviceQuery;

/**
 * The platform's OPTIONS to a registered phone (SIP.md): a 2xx tells the features its tags name, a
 * refusal (404, 480, ...) or no answer in a short time tells it is not RCS-capable.
 */
final class PhoneCapabilities implements DeviceQuery {

  private static final Logger LOG = Logger.getLogger(PhoneCapabilities.class.getName());
  /** An API caller waits for the answer: far shorter than the transaction's 32 s. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Registrar registrar;
  private final ToPhones requests;

  PhoneCapabilities(Registrar registrar, ToPhones requests) {
    this.registrar = registrar;
    this.requests = requests;
  }

  @Override
  public String kind() {
    return SipLink.KIND;
  }

  @Override
  public Optional<Future<Reply>> ask(String msisdn) {
    return registrar.binding(msisdn).map(phone -> requests.options(phone)
        .timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        // A plain SIP client names no RCS tags: taken as RCS-capable, as at its REGISTER.
        .map(answer -> new Reply(true, PhoneFeatures.of(answer)
            .orElse(Capabilities.DEFAULT_FEATURES)))
        .otherwise(e -> {
          LOG.fine(() -> "OPTIONS to " + msisdn + ": " + e.getMessage());
          return Reply.NOT_RCS;
        }));
  }
}
