package org.openmaap.platform.load;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A share of the devices, all on one event loop: each is a WebSocket to the platform that sends
 * text messages to the echo bot, reports every reply delivered, and times each round trip.
 */
final class Fleet extends VerticleBase {

  private static final String PREFIX = "rt ";
  private static final AtomicInteger PRINTED_ERRORS = new AtomicInteger();

  private final LoadSettings settings;
  private final String botId;
  private final List<String> msisdns;
  private final double ratePerSecond;
  private final double rampSeconds;
  private final Tally tally;
  private final List<Device> devices = new ArrayList<>();
  private WebSocketClient client;
  private long start;
  private long scheduled;
  private int next;
  private boolean stopping;

  /** {@code ratePerSecond} is this fleet's share of the open-loop rate (unused with max). */
  Fleet(LoadSettings settings, String botId, List<String> msisdns, double ratePerSecond,
      Tally tally) {
    this.settings = settings;
    this.botId = botId;
    this.msisdns = msisdns;
    this.ratePerSecond = ratePerSecond;
    // A cold platform sent the full rate at once builds a backlog it takes minutes to drain, so
    // the first half of the warm-up ramps from a tenth of the rate to all of it.
    this.rampSeconds = settings.warmup().toNanos() / 2e9;
    this.tally = tally;
  }

  /** Connects every device of the fleet. */
  @Override
  public Future<?> start() {
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Math.max(1, msisdns.size())));
    List<Future<WebSocket>> connected = new ArrayList<>();
    for (String msisdn : msisdns) {
      connected.add(client.connect(new WebSocketConnectOptions()
              .setHost(settings.url().getHost()).setPort(settings.url().getPort())
              .setURI("/network/v1/devices/" + URLEncoder.encode(msisdn, StandardCharsets.UTF_8)
                  + "/ws?token=" + URLEncoder.encode(settings.networkToken(),
                  StandardCharsets.UTF_8)))
          .onSuccess(socket -> devices.add(new Device(msisdn, socket))));
    }
    return Future.all(connected);
  }

  /** Starts sending, from {@code startNanos} on, on this fleet's event loop. */
  void begin(long startNanos) {
    context.runOnContext(v -> {
      start = startNanos;
      if (settings.max()) {
        for (Device device : devices) {
          for (int i = 0; i < settings.window(); i++) {
            device.send(System.nanoTime());
          }
        }
      } else {
        vertx.setPeriodic(1, id -> {
          if (!tick()) {
            vertx.cancelTimer(id);
          }
        });
      }
      vertx.setPeriodic(250, id -> {
        if (!sweep()) {
          vertx.cancelTimer(id);
        }
      });
    });
  }

  /**
   * Sends every message due by now, each stamped with the time it was due, so that a platform
   * (or a load tool) falling behind shows in the latency instead of slowing the schedule.
   */
  private boolean tick() {
    long now = System.nanoTime();
    if (stopping || !tally.sending(now)) {
      return false;
    }
    long due = (long) sentBy((now - start) / 1e9) + 1;
    while (scheduled < due) {
      long intended = start + (long) (dueAt(scheduled) * 1e9);
      devices.get(next).send(intended);
      next = (next + 1) % devices.size();
      scheduled++;
    }
    return true;
  }

  /** How many messages are due {@code t} seconds after the start: ramp, then the full rate. */
  private double sentBy(double t) {
    double r = ratePerSecond;
    if (t >= rampSeconds) {
      return 0.55 * r * rampSeconds + r * (t - rampSeconds);
    }
    return r * (0.1 * t + 0.45 * t * t / rampSeconds);
  }

  /** When message {@code k} (from 0) is due, in seconds after the start: sentBy's inverse. */
  private double dueAt(long k) {
    double r = ratePerSecond;
    double ramped = 0.55 * r * rampSeconds;
    if (k >= ramped) {
      return rampSeconds + (k - ramped) / r;
    }
    double a = 0.45 * r / rampSeconds;
    return (-0.1 * r + Math.sqrt(0.01 * r * r + 4 * a * k)) / (2 * a);
  }

  /** Gives up on round trips older than the timeout; answers whether to sweep again. */
  private boolean sweep() {
    long now = System.nanoTime();
    long oldest = now - settings.timeout().toNanos();
    for (Device device : devices) {
      int lost = 0;
      for (Iterator<Pending> it = device.pending.values().iterator(); it.hasNext(); ) {
        Pending pending = it.next();
        if (pending.sentAt < oldest) {
          it.remove();
          tally.countLost(pending.measured, true);
          lost++;
        }
      }
      if (settings.max()) {
        for (int i = 0; i < lost; i++) {
          device.sendIfRunning();
        }
      }
    }
    return !stopping;
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    return client.close();
  }

  private void printError(JsonObject frame) {
    if (PRINTED_ERRORS.incrementAndGet() <= 5) {
      System.err.println("load: the platform answered a device frame with " + frame.encode());
    }
  }

  /** A message on its way: when it was sent, and whether the measured window holds it. */
  private record Pending(long sentAt, boolean measured) {}

  /** One phone: its socket and its messages waiting for a reply, by sequence number. */
  private final class Device {
    final String msisdn;
    final WebSocket socket;
    final Map<Long, Pending> pending = new HashMap<>();
    long sequence;

    Device(String msisdn, WebSocket socket) {
      this.msisdn = msisdn;
      this.socket = socket;
      socket.textMessageHandler(this::received);
      socket.closeHandler(v -> {
        if (!stopping) {
          tally.disconnects.increment();
          System.err.println("load: device " + msisdn + " was disconnected");
        }
      });
    }

    void send(long sentAt) {
      long seq = ++sequence;
      pending.put(seq, new Pending(sentAt, tally.countSent(sentAt)));
      socket.writeTextMessage("{\"type\":\"message\",\"id\":" + seq + ",\"to\":\"" + botId
          + "\",\"RCSMessage\":{\"textMessage\":\"" + PREFIX + seq + "\"}}");
    }

    void sendIfRunning() {
      long now = System.nanoTime();
      if (!stopping && tally.sending(now)) {
        send(now);
      }
    }

    void received(String text) {
      long now = System.nanoTime();
      JsonObject frame = new JsonObject(text);
      switch (String.valueOf(frame.getString("type"))) {
        case "message" -> reply(frame, now);
        case "ack" -> tally.acks.increment();
        case "error" -> error(frame);
        default -> {
          // isTyping, displayed, revoke: nothing the echo bot sends.
        }
      }
    }

    private void reply(JsonObject frame, long now) {
      String msgId = frame.getString("msgId");
      socket.writeTextMessage("{\"type\":\"delivered\",\"id\":\"d" + sequence + "\",\"msgId\":\""
          + msgId + "\"}");
      String text = frame.getJsonObject("RCSMessage", new JsonObject()).getString("textMessage");
      Pending sent = text != null && text.startsWith(PREFIX)
          ? pending.remove(Long.parseLong(text.substring(PREFIX.length())))
          : null;
      if (sent == null) {
        tally.lateReplies.increment();
        return;
      }
      tally.countReply(sent.sentAt, sent.measured, now);
      if (settings.max()) {
        sendIfRunning();
      }
    }

    private void error(JsonObject frame) {
      tally.errorFrames.increment();
      printError(frame);
      if (frame.getValue("ref") instanceof Number ref) {
        Pending lost = pending.remove(ref.longValue());
        if (lost != null) {
          tally.countLost(lost.measured, false);
          if (settings.max()) {
            sendIfRunning();
          }
        }
      }
    }
  }
}
