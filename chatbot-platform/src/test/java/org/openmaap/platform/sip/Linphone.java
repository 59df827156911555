package org.openmaap.platform.sip;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * linphonec (Debian's linphone-cli), headless, as a phone registered to the platform: commands go
 * to its stdin, and what it prints is kept for the test to wait on. Public for the samples' tests,
 * where linphone chats with the demo's chatbots.
 */
public final class Linphone implements AutoCloseable {

  private final Process process;
  private final Writer commands;
  private final List<String> lines = new ArrayList<>();

  private Linphone(Process process) {
    this.process = process;
    this.commands = new OutputStreamWriter(process.getOutputStream(),
        StandardCharsets.UTF_8);
    Thread reader = new Thread(this::read, "linphonec-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Skips the calling test when linphonec is missing, and fails it when CI=true. */
  public static void require() {
    Installed.require(List.of("linphonec", "-v"), "linphone-cli", System.getenv());
  }

  /**
   * Starts linphonec in {@code home} as {@code identity} (sip:+86…@…), registering through the
   * platform's SIP port on 127.0.0.1 and sending every request that way (the IMDNs too).
   */
  public static Linphone start(Path home, String identity, int platformPort) {
    try {
      Files.createDirectories(home.resolve(".local/share/linphone"));
      String proxy = "<sip:127.0.0.1:" + platformPort + ";transport=udp>";
      Path config = Files.writeString(home.resolve("linphonerc"), String.join("\n",
          "[sip]", "use_ipv6=0", "sip_port=" + Sipp.freePort(), "sip_tcp_port=-1",
          "default_proxy=0", "register_only_when_network_is_up=0",
          "[proxy_0]", "reg_proxy=" + proxy, "reg_route=" + proxy,
          "reg_identity=" + identity, "reg_expires=600", "reg_sendregister=1", ""));
      ProcessBuilder builder = new ProcessBuilder("linphonec", "-c", config.toString(), "-S",
          "-d", "0").redirectErrorStream(true);
      builder.environment().put("HOME", home.toString());
      return new Linphone(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until linphonec says it is registered (asking it each half second). */
  public void awaitRegistered(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      command("status register");
      try {
        awaitLine(line -> line.contains("registered, identity="), Duration.ofMillis(500));
        return;
      } catch (AssertionError notYet) {
        // ask again
      }
    }
    awaitLine(line -> line.contains("registered, identity="), Duration.ZERO);
  }

  /** Types a command at linphonec's prompt. */
  public void command(String line) {
    try {
      commands.write(line + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first line printed that matches, waiting at most {@code timeout}. */
  public String awaitLine(Predicate<String> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (matching.test(line)) {
            return line;
          }
        }
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          throw new AssertionError("linphonec printed no matching line within " + timeout
              + ":\n" + String.join("\n", lines));
        }
        try {
          lines.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        }
      }
    }
  }

  private void read() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(
        process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  @Override
  public void close() {
    try {
      command("quit");
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (UncheckedIOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
