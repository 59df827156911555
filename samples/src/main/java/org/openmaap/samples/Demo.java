package org.openmaap.samples;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpResponseExpectation;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openmaap.platform.Platform;
import org.openmaap.platform.PlatformConfig;
import org.openmaap.platform.sip.SipSettings;
import org.openmaap.samples.coffee.CoffeeShop;
import org.openmaap.samples.flight.FlightCheckIn;
import org.openmaap.samples.parcel.ParcelTracking;

/**
 * The one-command demo ({@code ./run.sh}): the platform with its embedded store, the three sample
 * chatbots as real webhook servers, and two phones, one with RCS and one with SMS only.
 */
public final class Demo {

  public static final String RCS_PHONE = "+8613900000001";
  public static final String SMS_PHONE = "+8613900000002";
  private static final long SHUTDOWN_SECONDS = 30;
  /** Held so the setting sticks: java.util.logging keeps loggers only weakly. */
  private static final Logger SMPP_LIBRARY = Logger.getLogger("org.jsmpp");

  private final Vertx vertx;
  private final Platform platform;
  private final PlatformConfig config;
  private final SampleBot<ParcelTracking> parcels;

  private Demo(Vertx vertx, Platform platform, PlatformConfig config,
      SampleBot<ParcelTracking> parcels) {
    this.vertx = vertx;
    this.platform = platform;
    this.config = config;
    this.parcels = parcels;
  }

  public static void main(String[] args) throws Exception {
    PlatformConfig config;
    try {
      config = PlatformConfig.load(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("openmaap demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (!free(config.port())) {
      System.err.println("openmaap demo: port " + config.port() + " is taken; "
          + "OPENMAAP_PORT=8090 ./run.sh picks another");
      System.exit(1);
      return;
    }
    Path dataDir = Files.createTempDirectory("openmaap-demo-");
    config = config.withPortAndDataDir(config.port(), dataDir).withTokens(
        config.adminToken() != null ? config.adminToken() : newToken(),
        config.networkToken() != null ? config.networkToken() : newToken());
    if (!config.sip().enabled()) {
      // SIP phones (linphone, SIPp) on this machine: the standard port when it is free.
      config = config.withSip(SipSettings.listening("127.0.0.1:"
          + (freeForSip(SipSettings.DEFAULT_PORT) ? SipSettings.DEFAULT_PORT : 0)));
    }
    // The SMPP library narrates every connection; the newcomer needs its warnings only.
    SMPP_LIBRARY.setLevel(Level.WARNING);
    System.out.println("Starting the OpenMaaP demo...");
    Vertx vertx = Vertx.vertx();
    Demo demo;
    try {
      demo = await(start(vertx, config, Clock.systemUTC(), ParcelTracking.DEMO_PACE));
    } catch (Exception e) {
      System.err.println("openmaap demo: could not start: " + e.getMessage());
      await(vertx.close());
      delete(dataDir);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping the OpenMaaP demo...");
      try {
        // One step at a time from this thread: vertx.close() ends the event loops the
        // platform's stop would complete on.
        await(demo.stop());
        await(vertx.close());
        delete(dataDir);
        System.out.println("OpenMaaP demo stopped.");
      } catch (Exception e) {
        System.err.println("openmaap demo: stopping failed: " + e.getMessage());
      }
    }, "openmaap-demo-shutdown"));
    System.out.println(demo.banner());
  }

  /** Starts the platform, the three chatbots and the two phones; a parcel is on its way to each. */
  public static Future<Demo> start(Vertx vertx, PlatformConfig config, Clock clock,
      Duration parcelPace) {
    return Platform.start(vertx, config, clock).compose(platform -> {
      String url = "http://localhost:" + platform.port();
      String admin = config.adminToken();
      Future<SampleBot<CoffeeShop>> coffee = SampleBot.start(vertx, url, admin,
          CoffeeShop.PROFILE, CoffeeShop.PICTURES,
          (api, assets) -> new CoffeeShop(api, assets, clock));
      Future<SampleBot<ParcelTracking>> parcels = SampleBot.start(vertx, url, admin,
          ParcelTracking.PROFILE, ParcelTracking.PICTURES,
          (api, assets) -> new ParcelTracking(api, assets, vertx, clock, parcelPace));
      Future<SampleBot<FlightCheckIn>> flights = SampleBot.start(vertx, url, admin,
          FlightCheckIn.PROFILE, FlightCheckIn.PICTURES,
          (api, assets) -> new FlightCheckIn(api, assets, clock));
      return Future.all(coffee, parcels, flights)
          .map(all -> new Demo(vertx, platform, config, parcels.result()))
          .compose(demo -> demo.phones().map(demo))
          .onFailure(e -> platform.stop());
    });
  }

  /** One phone with RCS, one with SMS only; the parcel service tells both about a parcel. */
  private Future<Void> phones() {
    WebClient http = WebClient.create(vertx);
    String devices = "http://localhost:" + port() + "/network/v1/devices/";
    return http.putAbs(devices + encode(RCS_PHONE)).bearerTokenAuthentication(
            config.networkToken()).sendJsonObject(new JsonObject())
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .compose(rcs -> http.deleteAbs(devices + encode(SMS_PHONE)).bearerTokenAuthentication(
            config.networkToken()).send())
        .expecting(HttpResponseExpectation.SC_SUCCESS)
        .compose(sms -> parcels.bot().shipped(RCS_PHONE, "Bean There Coffee"))
        .compose(sent -> parcels.bot().shipped(SMS_PHONE, "Bean There Coffee"))
        .<Void>mapEmpty()
        .eventually(() -> {
          http.close();
          return Future.succeededFuture();
        });
  }

  /** The platform's port. */
  public int port() {
    return platform.port();
  }

  /** Stops the platform; the chatbots' servers close with Vert.x. */
  public Future<Void> stop() {
    return platform.stop();
  }

  /** What the newcomer reads: where to click, who to talk to, and the tokens. */
  String banner() {
    String url = "http://localhost:" + port();
    String smsc = platform.embeddedSmsc()
        .map(embedded -> "in this process, SMPP on localhost:" + embedded.port())
        .orElse("as configured");
    return String.join("\n",
        "",
        "OpenMaaP demo ready.",
        "",
        row("RCS phone", simulator(url, RCS_PHONE, "")),
        row("SMS-only phone", simulator(url, SMS_PHONE, "&mode=sms")),
        row("Rich-card preview", url + "/preview"),
        row("Console", url + "/console (sign in with the admin token below)"),
        "",
        row("Chatbots", "coffee (" + CoffeeShop.PROFILE.name() + "), parcels ("
            + ParcelTracking.PROFILE.name() + "), flights (" + FlightCheckIn.PROFILE.name()
            + ")"),
        row("Admin API", url + "/admin/v1 with Authorization: Bearer " + config.adminToken()),
        row("Network token", config.networkToken()),
        row("SMSC", smsc),
        platform.sipPort().map(port -> row("SIP phones", "register sip:+8613800000123@127.0.0.1 "
            + "at sip:127.0.0.1:" + port + " (UDP or TCP, no password), route through it, "
            + "and chat with sip:coffee@127.0.0.1:" + port)).orElse(row("SIP phones", "off")),
        row("Data", config.dataDir() + " (removed when the demo stops)"),
        "",
        "Press Ctrl-C to stop.");
  }

  /** The phone simulator as one demo phone; the page reads the token from the fragment. */
  private String simulator(String url, String msisdn, String mode) {
    return url + "/simulator#token=" + config.networkToken() + "&msisdn=" + encode(msisdn)
        + mode;
  }

  private static String row(String name, String value) {
    return String.format("  %-18s %s", name, value);
  }

  /** Whether the port can be listened on; checked first, so a taken port stops nothing. */
  private static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket(port)) {
      return probe.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether the port is free on 127.0.0.1 for both UDP and TCP (SIP takes both). */
  private static boolean freeForSip(int port) {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket tcp = new ServerSocket(port, 1, loopback);
        DatagramSocket udp = new DatagramSocket(port, loopback)) {
      return tcp.isBound() && udp.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static String encode(String msisdn) {
    return URLEncoder.encode(msisdn, StandardCharsets.UTF_8);
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture()
          .get(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer within " + SHUTDOWN_SECONDS + " s", e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
