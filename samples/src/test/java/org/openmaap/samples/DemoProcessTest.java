package org.openmaap.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openmaap.platform.Eventually;

/**
 * {@link Demo} as {@code ./run.sh} runs it: a JVM of its own that says "ready", whose printed URLs
 * answer, whose chatbots are already talking to both phones, and that Ctrl-C stops cleanly.
 */
class DemoProcessTest {

  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern NETWORK_TOKEN = Pattern.compile("Network token\\s+(\\S+)");
  private static final Pattern ADMIN_TOKEN = Pattern.compile("Bearer (\\S+)");
  private static final Pattern DATA = Pattern.compile("Data\\s+(\\S+) \\(removed");
  private static final Pattern SIP_PORT =
      Pattern.compile("SIP phones .* at sip:127\\.0\\.0\\.1:(\\d+) ");
  /** How a JVM's exit code reads after SIGINT, which is what Ctrl-C sends. */
  private static final int INTERRUPTED = 130;

  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx);
  private final Path log = Path.of("target", "demo-process-test", "demo.log");
  private Process demo;

  @AfterEach
  void cleanUp() throws InterruptedException {
    // SIGTERM first, so that a failed test still lets the demo remove its data directory.
    if (demo != null && demo.isAlive()) {
      demo.destroy();
      if (!demo.waitFor(30, TimeUnit.SECONDS)) {
        demo.destroyForcibly();
      }
    }
    http.close();
    vertx.close().await();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void demo_saysReady_itsUrlsAnswer_itsBotsTalk_andCtrlCStopsItCleanly() throws Exception {
    int port = freePort();
    demo = start(port);

    String output = Eventually.until(this::output, text -> text.contains("OpenMaaP demo ready.")
        || !demo.isAlive(), Duration.ofSeconds(90));

    assertThat(demo.isAlive()).as(output).isTrue();
    String base = "http://localhost:" + port;
    String networkToken = match(NETWORK_TOKEN, output);
    List<String> urls = URL.matcher(output).results().map(MatchResult::group).toList();
    assertThat(urls).contains(
        base + "/simulator#token=" + networkToken + "&msisdn=%2B8613900000001",
        base + "/simulator#token=" + networkToken + "&msisdn=%2B8613900000002&mode=sms",
        base + "/preview", base + "/admin/v1");
    for (String page : List.of(base + "/simulator", base + "/preview")) {
      assertThat(http.getAbs(page).send().await().statusCode()).as(page).isEqualTo(200);
    }
    // The SIP address it prints takes phones: the coffee bot answers OPTIONS as a chatbot.
    assertThat(options(Integer.parseInt(match(SIP_PORT, output)), "coffee"))
        .startsWith("SIP/2.0 200 ").contains("+g.gsma.rcs.isbot");
    JsonObject chatbots = http.getAbs(base + "/admin/v1/chatbots")
        .bearerTokenAuthentication(match(ADMIN_TOKEN, output)).send().await().bodyAsJsonObject();
    assertThat(chatbots.encode()).contains("\"coffee\"", "\"parcels\"", "\"flights\"");
    try (Phone rcs = Phone.connect(vertx, port, networkToken, Demo.RCS_PHONE, "parcels")) {
      JsonObject parcel = rcs.next();
      assertThat(Phone.cards(parcel).get(0).getString("title")).endsWith("is on its way");
    }
    JsonArray sms = Eventually.until(() -> inbox(port, networkToken),
        messages -> !messages.isEmpty(), Duration.ofSeconds(10));
    assertThat(sms.getJsonObject(0).getString("text")).startsWith("OpenParcel: ");
    Path dataDir = Path.of(match(DATA, output));
    assertThat(dataDir).isDirectory();

    new ProcessBuilder("kill", "-INT", Long.toString(demo.pid())).start().waitFor();

    boolean exited = demo.waitFor(30, TimeUnit.SECONDS);
    assertThat(exited).as(() -> "exited within 30 s; its output:\n" + output()
        + "\nits threads:\n" + threadDump(demo)).isTrue();
    assertThat(demo.exitValue()).isEqualTo(INTERRUPTED);
    String all = output();
    assertThat(all).contains("OpenMaaP demo stopped.");
    assertThat(all.lines()).noneMatch(line -> line.startsWith("SEVERE")
        || line.startsWith("Exception in thread"));
    assertThat(dataDir).doesNotExist();
  }

  private Process start(int port) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m",
        "-cp", System.getProperty("java.class.path"),
        Demo.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("OPENMAAP_"));
    builder.environment().put("OPENMAAP_PORT", Integer.toString(port));
    return builder.start();
  }

  private JsonArray inbox(int port, String networkToken) {
    HttpResponse<Buffer> response = http.getAbs("http://localhost:" + port + "/network/v1/sms/"
            + Demo.SMS_PHONE.replace("+", "%2B") + "/inbox")
        .bearerTokenAuthentication(networkToken).send().await();
    return response.bodyAsJsonObject().getJsonArray("messages");
  }

  /** A phone's OPTIONS to chatbot {@code botId} over UDP; answers the whole answer as text. */
  private static String options(int sipPort, String botId) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(5_000);
      byte[] request = ("OPTIONS sip:" + botId + "@127.0.0.1 SIP/2.0\r\n"
          + "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bK"
          + UUID.randomUUID() + "\r\n"
          + "From: <sip:+8613800000123@127.0.0.1>;tag=demo\r\n"
          + "To: <sip:" + botId + "@127.0.0.1>\r\n"
          + "Call-ID: " + UUID.randomUUID() + "\r\n"
          + "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(),
          sipPort));
      DatagramPacket answer = new DatagramPacket(new byte[65_535], 65_535);
      socket.receive(answer);
      return new String(answer.getData(), 0, answer.getLength(), StandardCharsets.UTF_8);
    }
  }

  /** Where a stuck demo's threads are, from the JDK's jcmd. */
  private static String threadDump(Process process) {
    try {
      Process jcmd = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          Long.toString(process.pid()), "Thread.print")
          .redirectErrorStream(true).start();
      String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor(30, TimeUnit.SECONDS);
      return dump;
    } catch (IOException e) {
      return "(no thread dump: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(no thread dump: interrupted)";
    }
  }

  private String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String match(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    assertThat(matcher.find()).as(pattern + " in\n" + output).isTrue();
    return matcher.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
