package org.openmaap.platform.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian's sip-tester) running one of the scenarios under {@code src/test/resources/sipp} as
 * a phone, in a directory of its own where it writes its message and error logs. Tests that need
 * it skip when it is not installed, and fail when CI=true (CI installs it).
 */
final class Sipp implements AutoCloseable {

  private final Process process;
  private final Path dir;
  private final String name;

  private Sipp(Process process, Path dir, String name) {
    this.process = process;
    this.dir = dir;
    this.name = name;
  }

  /** Skips the calling test when sipp is missing, and fails it when CI=true. */
  static void require() {
    Installed.require(List.of("sipp", "-v"), "sip-tester", System.getenv());
  }

  /**
   * Starts {@code scenario} against the platform's SIP port on 127.0.0.1, listening on
   * {@code localPort}, with the phone number as the service and {@code keys} as keywords.
   */
  static Sipp start(Path work, String scenario, String transport, int localPort,
      int platformPort, String phone, Map<String, String> keys) {
    return start(work, scenario, transport, localPort, platformPort, phone, keys, 1);
  }

  /** {@link #start}, ending after {@code calls} calls (an inbox: that many messages). */
  static Sipp start(Path work, String scenario, String transport, int localPort,
      int platformPort, String phone, Map<String, String> keys, int calls) {
    try {
      Path dir = Files.createDirectories(work.resolve(scenario + "-" + localPort));
      Path file = dir.resolve(scenario + ".xml");
      try (InputStream xml = Sipp.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
        if (xml == null) {
          throw new IllegalArgumentException("no scenario sipp/" + scenario + ".xml");
        }
        Files.copy(xml, file, StandardCopyOption.REPLACE_EXISTING);
      }
      List<String> command = new ArrayList<>(List.of("sipp", "-sf", file.toString(),
          "-i", "127.0.0.1", "-p", Integer.toString(localPort), "-t", transport,
          "-s", phone, "-m", Integer.toString(calls), "-nostdin", "-timeout", "30s", "-timeout_error",
          "-trace_msg", "-message_file", dir.resolve("messages.log").toString(),
          "-trace_err", "-error_file", dir.resolve("errors.log").toString()));
      keys.forEach((key, value) -> command.addAll(List.of("-key", key, value)));
      command.add("127.0.0.1:" + platformPort);
      Process process = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(dir.resolve("screen.log").toFile()).start();
      return new Sipp(process, dir, scenario);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the scenario to end; fails with SIPp's logs unless every call succeeded. */
  void succeeds(Duration timeout) {
    int code = exitCode(timeout);
    if (code != 0) {
      throw new AssertionError("SIPp scenario " + name + " exited " + code + "\n" + logs());
    }
  }

  /** The exit code (0: every call succeeded), waiting at most {@code timeout}. */
  int exitCode(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("SIPp scenario " + name + " did not end within " + timeout
            + "\n" + logs());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Whether the scenario is still running (an inbox: still waiting for its messages). */
  boolean running() {
    return process.isAlive();
  }

  /** Every message SIPp sent and received, as its message log has them. */
  String messages() {
    return read(dir.resolve("messages.log"));
  }

  private String logs() {
    return "--- errors:\n" + read(dir.resolve("errors.log")) + "\n--- messages:\n" + messages();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(none)";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  /** A port free on UDP and TCP on 127.0.0.1 just now, for a phone to listen on. */
  static int freePort() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < 20; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, loopback);
          DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), loopback)) {
        return udp.getLocalPort();
      } catch (IOException taken) {
        // taken on UDP: another
      }
    }
    throw new IllegalStateException("no port free on both UDP and TCP on 127.0.0.1");
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
