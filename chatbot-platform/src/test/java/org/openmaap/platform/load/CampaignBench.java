package org.openmaap.platform.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openmaap.platform.Bots;

/**
 * How fast campaigns hand their recipients on, in a platform (a child JVM) with its embedded SMSC:
 * to SMS-only numbers ({@code sms}), or to WebSocket devices that report each message delivered
 * ({@code devices}). Several campaigns run at once (a campaign takes 10,000 recipients inline),
 * sharing {@code --rate}; a line a second, then the sustained rates between 5% and 95% of the
 * recipients, the platform's CPU and its heap after a full GC.
 *
 * <pre>
 * tools/campaign.sh --mode sms --recipients 100000 --rate 5000 --sms-throughput 5000
 * tools/campaign.sh --mode devices --devices 2000 --campaigns 10 --rate 2000
 * </pre>
 *
 * <p>{@code --platform-jvm} gives the platform's JVM options, separated by semicolons (default -Xmx1g).
 */
public final class CampaignBench {

  private static final int MAX_INLINE = 10_000;

  private CampaignBench() {}

  /** The run's options, each with its default. */
  record Options(String mode, int recipients, int devices, int campaigns, int rate,
      int smsThroughput, List<String> platformJvm) {

    static Options parse(String[] args) {
      Map<String, String> given = new java.util.HashMap<>();
      for (int i = 0; i + 1 < args.length; i += 2) {
        given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
      }
      String mode = given.getOrDefault("mode", "sms");
      if (!mode.equals("sms") && !mode.equals("devices")) {
        throw new IllegalArgumentException("--mode must be sms or devices");
      }
      int devices = Integer.parseInt(given.getOrDefault("devices", "2000"));
      int recipients = Integer.parseInt(given.getOrDefault("recipients", "100000"));
      int campaigns = mode.equals("sms")
          ? (recipients + MAX_INLINE - 1) / MAX_INLINE
          : Integer.parseInt(given.getOrDefault("campaigns", "10"));
      if (mode.equals("devices") && devices > MAX_INLINE) {
        throw new IllegalArgumentException("--devices takes up to " + MAX_INLINE);
      }
      return new Options(mode, mode.equals("sms") ? recipients : devices * campaigns, devices,
          campaigns, Integer.parseInt(given.getOrDefault("rate", "5000")),
          Integer.parseInt(given.getOrDefault("sms-throughput", "5000")),
          List.of(given.getOrDefault("platform-jvm", "-Xmx1g").split(";")));
    }
  }

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    Path config = Files.createTempFile("openmaap-campaign-bench-", ".json");
    Files.writeString(config, new JsonObject().put("sms", new JsonObject()
        .put("throughputPerSecond", options.smsThroughput())).encode());
    int exit = 0;
    try (ChildPlatform child = ChildPlatform.start(options.platformJvm(), false,
        Map.of("OPENMAAP_CONFIG", config.toString(), "OPENMAAP_SMS_MODE", "embedded"))) {
      child.awaitReady();
      run(options, child);
    } catch (Exception e) {
      System.err.println("campaign: " + e.getMessage());
      exit = 2;
    } finally {
      Files.deleteIfExists(config);
    }
    System.exit(exit);
  }

  private static void run(Options options, ChildPlatform child) throws Exception {
    Vertx vertx = Vertx.vertx();
    URI url = child.url();
    WebClient http = WebClient.create(vertx, new WebClientOptions()
        .setDefaultHost(url.getHost()).setDefaultPort(url.getPort()));
    try {
      EchoBot.Counts events = new EchoBot.Counts();
      int botPort = ChildPlatform.freePort();
      vertx.deployVerticle(() -> new EchoBot(botPort, events),
          new io.vertx.core.DeploymentOptions()).await();
      String token = registerBot(http, child.adminToken, "http://127.0.0.1:" + botPort);
      LongAdder frames = new LongAdder();
      List<String> phones = options.mode().equals("devices")
          ? connect(vertx, url, child.networkToken, options.devices(), frames) : List.of();
      CpuMeter meter = new CpuMeter(Optional.of(child.process()));
      CpuMeter.Sample before = meter.sample();
      long start = System.nanoTime();
      List<String> ids = new ArrayList<>();
      int perCampaignRate = Math.max(1, options.rate() / options.campaigns());
      for (int c = 0; c < options.campaigns(); c++) {
        JsonArray recipients = new JsonArray();
        if (phones.isEmpty()) {
          for (int i = c * MAX_INLINE; i < Math.min(options.recipients(), (c + 1) * MAX_INLINE);
              i++) {
            recipients.add(recipient(String.format(Locale.ROOT, "+86139%08d", i), i));
          }
        } else {
          for (int i = 0; i < phones.size(); i++) {
            recipients.add(recipient(phones.get(i), i));
          }
        }
        ids.add(create(http, token, "bench " + c, recipients, perCampaignRate));
      }
      System.err.printf(Locale.ROOT, "campaign: %d campaigns, %d recipients, %d/s each, "
          + "created in %d ms%n", ids.size(), options.recipients(), perCampaignRate,
          (System.nanoTime() - start) / 1_000_000);
      Series handedOn = new Series();
      Series smsAccepted = new Series();
      Series atDevices = new Series();
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
      while (System.nanoTime() < deadline) {
        TimeUnit.SECONDS.sleep(1);
        long handed = 0;
        long sms = 0;
        boolean done = true;
        for (String id : ids) {
          JsonObject campaign = campaign(http, token, id);
          handed += campaign.getInteger("handedOn");
          JsonObject counts = campaign.getJsonObject("counts");
          sms += counts.getInteger("deliveredToNetwork") + counts.getInteger("deliveredAsSms");
          done &= campaign.getString("status").equals("completed");
        }
        long now = System.nanoTime() - start;
        handedOn.add(now, handed);
        smsAccepted.add(now, sms);
        atDevices.add(now, frames.sum());
        System.err.printf(Locale.ROOT, "[%4ds] handed on %7d  SMS accepted by the SMSC %7d  "
            + "at devices %7d%n", TimeUnit.NANOSECONDS.toSeconds(now), handed, sms,
            frames.sum());
        boolean arrived = phones.isEmpty() ? sms >= options.recipients()
            : frames.sum() >= options.recipients();
        if (done && arrived) {
          break;
        }
      }
      CpuMeter.Usage cpu = CpuMeter.between(before, meter.sample());
      long total = options.recipients();
      System.out.printf(Locale.ROOT, "campaign %s: %d recipients in %d campaigns at %d/s in all; "
              + "sustained (5%%-95%%): handed on %.0f/s, %s %.0f/s; platform CPU %.2f cores, "
              + "machine %.2f of %d; heap after a full GC: %s%n", options.mode(), total,
          ids.size(), options.rate(), handedOn.sustained(total),
          phones.isEmpty() ? "accepted by the SMSC" : "arrived at devices",
          (phones.isEmpty() ? smsAccepted : atDevices).sustained(total), cpu.platformCores(),
          cpu.machineCores(), cpu.cores(), heapAfterGc(child.process().pid()));
    } finally {
      vertx.close().await();
    }
  }

  /** Counts sampled once a second, and the rate they rose at between 5% and 95% of a total. */
  private static final class Series {
    private final List<long[]> points = new ArrayList<>();

    void add(long nanos, long count) {
      points.add(new long[] {nanos, count});
    }

    double sustained(long total) {
      long[] from = first(total / 20);
      long[] to = first(total - total / 20);
      if (from == null || to == null || to[0] == from[0]) {
        return Double.NaN;
      }
      return (to[1] - from[1]) * 1e9 / (to[0] - from[0]);
    }

    private long[] first(long atLeast) {
      return points.stream().filter(point -> point[1] >= atLeast).findFirst().orElse(null);
    }
  }

  private static JsonObject recipient(String userContact, int n) {
    return new JsonObject().put("userContact", userContact)
        .put("vars", new JsonObject().put("n", n));
  }

  private static String registerBot(WebClient http, String adminToken, String webhookUrl) {
    return Bots.token(http, Bots.register(http, adminToken, new JsonObject()
        .put("botId", "campaign-bench").put("name", "Campaign bench")
        .put("webhookUrl", webhookUrl + "/webhook").put("rateLimitPerSecond", 100_000)));
  }

  private static String create(WebClient http, String token, String name, JsonArray recipients,
      int rate) {
    HttpResponse<Buffer> created = http.post("/bot/v1/campaign-bench/campaigns")
        .bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("name", name).put("ratePerSecond", rate)
            .put("message", new JsonObject().put("textMessage", "Campaign bench {{n}}"))
            .put("recipients", recipients))
        .await();
    expect(created, 201);
    return created.bodyAsJsonObject().getString("campaignId");
  }

  private static JsonObject campaign(WebClient http, String token, String id) {
    HttpResponse<Buffer> answer = http.get("/bot/v1/campaign-bench/campaigns/" + id)
        .bearerTokenAuthentication(token).send().await();
    expect(answer, 200);
    return answer.bodyAsJsonObject();
  }

  /** Devices that report each message delivered, counting the messages; answers their numbers. */
  private static List<String> connect(Vertx vertx, URI url, String networkToken, int devices,
      LongAdder frames) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(devices));
    List<String> numbers = new ArrayList<>();
    List<Future<WebSocket>> connected = new ArrayList<>();
    for (int d = 0; d < devices; d++) {
      String msisdn = String.format(Locale.ROOT, "+86138%08d", d);
      numbers.add(msisdn);
      connected.add(client.connect(new WebSocketConnectOptions()
              .setHost(url.getHost()).setPort(url.getPort())
              .setURI("/network/v1/devices/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                  + "/ws?token=" + URLEncoder.encode(networkToken, StandardCharsets.UTF_8)))
          .onSuccess(socket -> socket.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            if ("message".equals(frame.getString("type"))) {
              frames.increment();
              socket.writeTextMessage(new JsonObject().put("type", "delivered")
                  .put("msgId", frame.getString("msgId")).encode());
            }
          })));
    }
    Future.all(connected).await();
    System.err.printf(Locale.ROOT, "campaign: %d devices connected%n", devices);
    return numbers;
  }

  /** The used heap after a full GC, as jcmd tells it. */
  private static String heapAfterGc(long pid) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").start().waitFor();
    Process info = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info")
        .redirectErrorStream(true).start();
    String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    info.waitFor();
    return text.lines().filter(line -> line.contains("used")).findFirst().orElse(text).trim();
  }

  private static void expect(HttpResponse<Buffer> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException("HTTP " + response.statusCode() + ": "
          + response.bodyAsString());
    }
  }
}
