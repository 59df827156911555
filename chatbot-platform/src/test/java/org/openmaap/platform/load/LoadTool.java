package org.openmaap.platform.load;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Drives N WebSocket devices and an echo bot through a platform (a child JVM it starts, or the one
 * at {@code --url}) and reports user->bot->user round trips a second and their latency.
 */
public final class LoadTool {

  /** Event loops that carry the devices; the echo bot gets as many server instances. */
  private static final int FLEETS = 2;

  private LoadTool() {}

  public static void main(String[] args) {
    LoadSettings settings;
    try {
      settings = LoadSettings.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      boolean help = e.getMessage().isEmpty();
      if (!help) {
        System.err.println("load: " + e.getMessage());
      }
      System.err.print(LoadSettings.USAGE);
      System.exit(help ? 0 : 2);
      return;
    }
    int exit;
    ChildPlatform child = null;
    try {
      if (settings.url() == null) {
        System.err.println("load: starting the platform (SQLite store, synchronous=FULL) ...");
        child = ChildPlatform.start(settings.platformJvmArgs(), settings.keepData());
        ChildPlatform started = child;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "load-stop-platform"));
        child.awaitReady();
        settings = settings.at(child.url(), child.adminToken, child.networkToken);
      }
      LoadReport report = run(settings, child != null
          ? "started by the tool (" + settings.url() + ", SQLite synchronous=FULL)"
          : settings.url().toString(), Optional.ofNullable(child).map(ChildPlatform::process),
          System.err);
      System.out.print(report.text());
      System.out.println(report.json().encode());
      exit = report.acceptable(settings.minCompletion()) ? 0 : 1;
      if (exit != 0) {
        System.err.printf(Locale.ROOT, "load: only %d of %d messages completed (at least %.0f%% "
            + "needed)%n", report.completed(), report.sent(), settings.minCompletion() * 100);
      }
    } catch (Exception e) {
      System.err.println("load: " + e.getMessage());
      exit = 2;
    }
    // The shutdown hook stops the child platform.
    System.exit(exit);
  }

  /** One run against the platform at {@code settings.url()}: warm-up, measure, drain. */
  static LoadReport run(LoadSettings settings, String platform,
      Optional<ProcessHandle> platformProcess, PrintStream progress) throws Exception {
    // One event loop per fleet, shared with the echo bot: fewer threads to wake on a small machine.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(FLEETS));
    WebClient admin = WebClient.create(vertx);
    String botId = "load-echo-" + Long.toString(System.currentTimeMillis(), 36);
    List<String> deployments = new ArrayList<>();
    try {
      EchoBot.Counts counts = new EchoBot.Counts();
      int botPort = ChildPlatform.freePort();
      deployments.add(vertx.deployVerticle(() -> new EchoBot(botPort, counts),
          new DeploymentOptions().setInstances(FLEETS)).await());
      register(admin, settings, botId, "http://127.0.0.1:" + botPort + "/webhook");

      Tally tally = new Tally(settings.maxMessages());
      List<Fleet> fleets = new ArrayList<>();
      int fleetCount = Math.min(FLEETS, settings.devices());
      for (int f = 0; f < fleetCount; f++) {
        List<String> msisdns = new ArrayList<>();
        for (int d = f; d < settings.devices(); d += fleetCount) {
          msisdns.add(String.format(Locale.ROOT, "+1555%07d", d));
        }
        double share = (double) settings.rate() * msisdns.size() / settings.devices();
        Fleet fleet = new Fleet(settings, botId, msisdns, share, tally);
        deployments.add(vertx.deployVerticle(fleet).await());
        fleets.add(fleet);
      }
      progress.printf("load: %d devices connected to %s; bot %s%n", settings.devices(),
          settings.url(), botId);

      long start = System.nanoTime();
      long from = start + settings.warmup().toNanos();
      tally.window(from, from + settings.duration().toNanos());
      fleets.forEach(fleet -> fleet.begin(start));
      CpuMeter.Usage cpu = watch(settings, tally, counts, new CpuMeter(platformProcess), start,
          progress);

      Histogram latencies = tally.latencies.getIntervalHistogram();
      long window = tally.measureUntil() - tally.measureFrom();
      return LoadReport.of(settings, tally, latencies, window, platform, cpu);
    } finally {
      for (String id : deployments) {
        vertx.undeploy(id).await();
      }
      admin.delete(settings.url().getPort(), settings.url().getHost(),
              "/admin/v1/chatbots/" + botId)
          .bearerTokenAuthentication(settings.adminToken()).send()
          .otherwiseEmpty().await();
      admin.close();
      vertx.close().await();
    }
  }

  /**
   * Prints a progress line a second until the window ends and its round trips are done; answers
   * the CPU used during the window.
   */
  private static CpuMeter.Usage watch(LoadSettings settings, Tally tally, EchoBot.Counts counts,
      CpuMeter meter, long start, PrintStream progress) throws InterruptedException {
    long second = TimeUnit.SECONDS.toNanos(1);
    long poll = TimeUnit.MILLISECONDS.toNanos(50);
    long lastSent = 0;
    long lastReplies = 0;
    long lastMessages = 0;
    long ticks = 0;
    CpuMeter.Sample first = null;
    CpuMeter.Sample last = null;
    while (true) {
      long now = System.nanoTime();
      long from = tally.measureFrom();
      long end = tally.measureUntil();
      if (first == null && now >= from) {
        first = meter.sample();
      }
      if (last == null && now >= end) {
        last = meter.sample();
      }
      if (now >= end && (tally.inFlight.get() <= 0
          || now >= end + settings.timeout().toNanos() + second)) {
        return CpuMeter.between(first, last);
      }
      long nextSecond = start + (ticks + 1) * second;
      long wake = now < from ? Math.min(nextSecond, from)
          : now < end ? Math.min(nextSecond, end)
          : Math.min(nextSecond, now + poll);
      TimeUnit.NANOSECONDS.sleep(Math.max(0, wake - now));
      if (System.nanoTime() < nextSecond) {
        continue;
      }
      ticks++;
      long sent = tally.allSent.sum();
      long replies = tally.allReplies.sum();
      long messages = counts.messages.sum();
      if (!settings.quiet()) {
        String phase = nextSecond <= from ? "warm-up" : nextSecond <= end ? "measure" : "drain";
        progress.printf(Locale.ROOT, "[%4ds] %-7s sent %5d/s  bot messages %5d/s  replies %5d/s"
                + "  measured in flight %5d  error frames %d  late %d%n", ticks, phase,
            sent - lastSent, messages - lastMessages, replies - lastReplies,
            tally.inFlight.get(), tally.errorFrames.sum(), tally.lateReplies.sum());
      }
      lastSent = sent;
      lastReplies = replies;
      lastMessages = messages;
    }
  }

  private static void register(WebClient admin, LoadSettings settings, String botId,
      String webhookUrl) {
    HttpResponse<Buffer> response = admin.post(settings.url().getPort(),
            settings.url().getHost(), "/admin/v1/chatbots")
        .bearerTokenAuthentication(settings.adminToken())
        .sendJsonObject(new JsonObject().put("botId", botId).put("name", "Load echo bot")
            .put("webhookUrl", webhookUrl))
        .await();
    if (response.statusCode() != 201) {
      throw new IllegalStateException("could not register the echo bot: HTTP "
          + response.statusCode() + " " + response.bodyAsString());
    }
  }
}
