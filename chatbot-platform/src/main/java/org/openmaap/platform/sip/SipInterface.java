package org.openmaap.platform.sip;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TooManyListenersException;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import org.openmaap.platform.delivery.Capabilities;
import org.openmaap.platform.delivery.DeviceQuery;
import org.openmaap.platform.delivery.Inbound;
import org.openmaap.platform.delivery.Outbound;
import org.openmaap.platform.registry.ChatbotRegistry;
import org.openmaap.platform.store.DeviceRow;
import org.openmaap.platform.store.Store;

/**
 * The SIP southbound (SIP.md): JAIN-SIP on UDP and TCP at one address, taking phones' REGISTER,
 * OPTIONS and MESSAGE, sending chatbots' messages to registered phones and asking them for their
 * capabilities. The stack's calls block, so they run on its own threads and a worker pool; the
 * delivery core is called on one Vert.x context.
 */
public final class SipInterface {

  private static final Logger LOG = Logger.getLogger(SipInterface.class.getName());
  private static final int WORKERS = 4;
  /** Headers and CPIM envelope on top of the largest body, for the stack's own TCP limit. */
  private static final int HEADROOM_BYTES = 64 * 1024;
  private static final int PORT_ATTEMPTS = 10;

  private final SipStackImpl stack;
  private final WorkerExecutor worker;
  private final Registrar registrar;
  private final ToPhones requests;
  private final PhoneCapabilities capabilities;
  private final int port;

  private SipInterface(SipStackImpl stack, WorkerExecutor worker, Registrar registrar,
      ToPhones requests, int port) {
    this.stack = stack;
    this.worker = worker;
    this.registrar = registrar;
    this.requests = requests;
    this.capabilities = new PhoneCapabilities(registrar, requests);
    this.port = port;
  }

  /**
   * What the interface reaches of the platform: the chatbots, the delivery core's ports, and the
   * store and capability cache that a phone's REGISTER tells what it can do.
   */
  public record Core(ChatbotRegistry registry, Outbound outbound, Inbound inbound, Store store,
      Capabilities capabilities) {}

  /**
   * Opens the interface {@code settings} describe for the chatbots of {@code core}'s registry,
   * at home in {@code domain}; phones' messages and reports go to the delivery core.
   */
  public static Future<SipInterface> start(Vertx vertx, SipSettings settings, String domain,
      Core core, Clock clock) {
    Context context = vertx.getOrCreateContext();
    WorkerExecutor worker = vertx.createSharedWorkerExecutor(
        "openmaap-sip-" + UUID.randomUUID(), WORKERS);
    return worker.executeBlocking(() -> open(settings), false).map(opened -> {
      Wire wire = new Wire(opened.provider(), new MessageFactoryImpl(), new HeaderFactoryImpl(),
          new AddressFactoryImpl(), opened.advertised(), opened.port(), domain);
      ToPhones requests = new ToPhones(wire, context, worker);
      PhoneIds ids = new PhoneIds();
      Registrar[] registrar = new Registrar[1];
      registrar[0] = new Registrar(vertx, core.outbound(),
          msisdn -> new SipLink(msisdn, registrar[0], requests, ids, wire, clock),
          (msisdn, named) -> devices(core.store(), msisdn, named, clock),
          core.capabilities()::told);
      PhoneMessages messages = new PhoneMessages(wire, context, worker, core.inbound(),
          core.outbound(), ids, settings.maxBodyBytes());
      try {
        opened.provider().addSipListener(new FromPhones(wire, core.registry(),
            new PhoneRegistrations(wire, context, worker, registrar[0]), messages, requests));
      } catch (TooManyListenersException e) {
        throw new IllegalStateException("the SIP provider already had a listener", e);
      }
      LOG.info(() -> "SIP on " + settings.host() + ":" + opened.port() + " (UDP and TCP)"
          + (settings.outboundProxy() == null ? "" : ", outbound proxy "
              + settings.outboundProxy()));
      return new SipInterface(opened.stack(), worker, registrar[0], requests, opened.port());
    }).onFailure(e -> worker.close());
  }

  /**
   * Keeps the features a phone's REGISTER named in its device row, or, for a plain SIP client,
   * makes sure the number has one (as its link would on connecting); the features it has then.
   */
  private static Future<List<String>> devices(Store store, String msisdn,
      Optional<List<String>> named, Clock clock) {
    if (named.isPresent()) {
      return store.putDevice(new DeviceRow(msisdn, named.get(), clock.instant()))
          .map(named.get());
    }
    return store.device(msisdn).compose(device -> device.isPresent()
        ? Future.succeededFuture(device.get().features())
        : store.putDevice(new DeviceRow(msisdn, Capabilities.DEFAULT_FEATURES, clock.instant()))
            .map(Capabilities.DEFAULT_FEATURES));
  }

  /** The stack as opened, and the address phones reach it at (Via and Contact say it). */
  private record Opened(SipStackImpl stack, SipProvider provider, String advertised, int port) {}

  private static Opened open(SipSettings settings) throws Exception {
    SipStackImpl stack = new SipStackImpl(properties(settings));
    try {
      int port = settings.port();
      for (int attempt = 1; ; attempt++) {
        int chosen = port != 0 ? port : freePort(settings.host());
        try {
          ListeningPoint udp = stack.createListeningPoint(settings.host(), chosen, "udp");
          ListeningPoint tcp = stack.createListeningPoint(settings.host(), chosen, "tcp");
          SipProvider provider = stack.createSipProvider(udp);
          provider.addListeningPoint(tcp);
          stack.start();
          return new Opened(stack, provider, advertised(settings.host()), chosen);
        } catch (Exception e) {
          if (port != 0 || attempt == PORT_ATTEMPTS) {
            throw new IOException("cannot listen for SIP on " + settings.host() + ":" + chosen
                + ": " + e.getMessage(), e);
          }
          for (var points = stack.getListeningPoints(); points.hasNext(); ) {
            stack.deleteListeningPoint((ListeningPoint) points.next());
          }
        }
      }
    } catch (Exception e) {
      stack.stop();
      throw e;
    }
  }

  private static Properties properties(SipSettings settings) {
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", "openmaap-" + UUID.randomUUID());
    properties.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLog.class.getName());
    properties.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY",
        SipParseLog.class.getName());
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE",
        Integer.toString(settings.maxBodyBytes() + HEADROOM_BYTES));
    if (settings.outboundProxy() != null) {
      properties.setProperty("javax.sip.OUTBOUND_PROXY", hop(settings.outboundProxy()));
    }
    return properties;
  }

  /** JAIN-SIP's "host:port/transport" form of a {@code sip:host:port;transport=x} URI. */
  static String hop(String proxy) {
    try {
      SipURI uri = (SipURI) new AddressFactoryImpl().createURI(proxy.startsWith("sip:")
          ? proxy : "sip:" + proxy);
      return uri.getHost() + ":" + (uri.getPort() > 0 ? uri.getPort() : SipSettings.DEFAULT_PORT)
          + "/" + (uri.getTransportParam() == null ? "udp" : uri.getTransportParam());
    } catch (ParseException | ClassCastException e) {
      throw new IllegalArgumentException("sip.outboundProxy must be a sip: URI such as "
          + "sip:ims.example:5060, got '" + proxy + "'");
    }
  }

  /**
   * The address to put in Via and Contact: the listening one, or, listening on every address,
   * this host's own (a wildcard would tell phones nothing).
   */
  private static String advertised(String host) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : host;
  }

  /** A port free on both TCP and UDP at {@code host} just now. */
  private static int freePort(String host) throws IOException {
    InetAddress address = InetAddress.getByName(host);
    while (true) {
      try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
        try (DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), address)) {
          return udp.getLocalPort();
        } catch (IOException taken) {
          // that port is taken on UDP: try another
        }
      }
    }
  }

  /**
   * Asks the number's phone, when it is registered here, what it supports: an OPTIONS whose answer
   * (or its absence) feeds the capability cache.
   */
  private Optional<Future<DeviceQuery.Reply>> ask(String msisdn) {
    return capabilities.ask(msisdn);
  }

  /**
   * The capability port (OPTIONS to registered phones) of an interface that may not be open yet:
   * {@code opened} gives it once it is (null before, or with SIP off); until then none is asked.
   */
  public static DeviceQuery phones(Supplier<SipInterface> opened) {
    return new DeviceQuery() {
      @Override
      public String kind() {
        return SipLink.KIND;
      }

      @Override
      public Optional<Future<Reply>> ask(String msisdn) {
        SipInterface sip = opened.get();
        return sip == null ? Optional.empty() : sip.ask(msisdn);
      }
    };
  }

  /** The port the interface listens on, on UDP and TCP. */
  public int port() {
    return port;
  }

  /** Stops taking and sending requests; what was waiting for a phone's answer fails. */
  public Future<Void> stop() {
    registrar.clear();
    requests.abandon();
    return worker.<Void>executeBlocking(() -> {
      stack.stop();
      return null;
    }, false).eventually(worker::close);
  }
}
