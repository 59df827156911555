package org.openmaap.platform.sms;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import org.openmaap.platform.Eventually;

/**
 * The node SMSC script (src/test/node/smsc.js) as a child process: what it printed, one JSON event
 * a line, and the commands it takes on stdin. Closing it kills the process.
 */
final class NodeSmsc implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Path LOG = Path.of("target/node-smsc.log");

  private final Process process;
  private final Writer commands;
  private final List<JsonObject> events = new ArrayList<>();
  private final int port;
  private int seq;

  private NodeSmsc(Process process) {
    this.process = process;
    this.commands = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::read, "node-smsc-stdout");
    reader.setDaemon(true);
    reader.start();
    this.port = until("listening", 1).get(0).getInteger("port");
  }

  /** Starts the script on a free port, accepting binds as {@code systemId}/{@code password}. */
  static NodeSmsc start(String systemId, String password) {
    try {
      Files.createDirectories(LOG.getParent());
      Process process = new ProcessBuilder("node", "smsc.js", "0", systemId, password)
          .directory(NodeSupport.SMSC_DIR.toFile())
          .redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
          .start();
      try {
        return new NodeSmsc(process);
      } catch (RuntimeException | Error e) {
        process.destroyForcibly();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /** The events named {@code name} printed so far, oldest first. */
  synchronized List<JsonObject> events(String name) {
    return events.stream().filter(e -> name.equals(e.getString("event"))).toList();
  }

  /** The submit_sm events that match {@code filter}, once at least {@code count} came. */
  List<JsonObject> submits(int count, Predicate<JsonObject> filter) {
    return Eventually.until(() -> events("submit_sm").stream().filter(filter).toList(),
        found -> found.size() >= count, WAIT);
  }

  /** Sends one command and returns the script's answer once it is "ok". */
  JsonObject command(String name, JsonObject arguments) {
    int sent;
    synchronized (this) {
      sent = ++seq;
    }
    JsonObject command = arguments.copy().put("command", name).put("seq", sent);
    try {
      commands.write(command.encode() + "\n");
      commands.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the node SMSC took no command (see " + LOG + ")", e);
    }
    JsonObject answer = Eventually.until(() -> answer(sent), a -> a != null, WAIT);
    if (!"ok".equals(answer.getString("event"))) {
      throw new AssertionError("the node SMSC refused " + command.encode() + ": "
          + answer.encode());
    }
    return answer;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private List<JsonObject> until(String name, int count) {
    return Eventually.until(() -> {
      if (!process.isAlive() && events(name).size() < count) {
        throw new AssertionError("the node SMSC exited with " + process.exitValue()
            + " (see " + LOG.toAbsolutePath() + ")");
      }
      return events(name);
    }, found -> found.size() >= count, WAIT);
  }

  private synchronized JsonObject answer(int sent) {
    return events.stream().filter(e -> e.containsKey("seq") && e.getInteger("seq") == sent)
        .findFirst().orElse(null);
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonObject event;
        try {
          event = new JsonObject(line);
        } catch (DecodeException e) {
          event = new JsonObject().put("event", "unreadable").put("line", line);
        }
        synchronized (this) {
          events.add(event);
        }
      }
    } catch (IOException e) {
      // The process went away; close() or the next wait reports it.
    }
  }
}
