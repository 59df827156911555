package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * A device edge that can ask a number's device itself what it supports (SIP's OPTIONS), for
 * {@link Capabilities}.
 */
public interface DeviceQuery {

  /** No edge asks devices: answers come from the registry and the links alone. */
  DeviceQuery NONE = new DeviceQuery() {
    @Override
    public String kind() {
      return "none";
    }

    @Override
    public Optional<Future<Reply>> ask(String msisdn) {
      return Optional.empty();
    }
  };

  /** What a device answered: whether it takes RCS, and its features when it does. */
  record Reply(boolean rcs, List<String> features) {

    /** A device that refused the query or did not answer in time. */
    public static final Reply NOT_RCS = new Reply(false, List.of());
  }

  /** The {@link DeviceLink#kind()} of the links to the devices this edge asks. */
  String kind();

  /** The number's device's reply, or empty when this edge cannot reach the number's device. */
  Optional<Future<Reply>> ask(String msisdn);
}
