package org.openmaap.platform.delivery;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openmaap.card.model.RcsMessage.TypingState;

/** A device link that records what the core told it, and fails its writes once told to. */
public final class FakeLink implements DeviceLink {

  /** One thing the core told the device. */
  public sealed interface Call permits Delivered, Revoked, Typed, Read {}

  public record Delivered(DeviceMessage message) implements Call {}

  public record Revoked(String from, String msgId) implements Call {}

  public record Typed(String from, TypingState state) implements Call {}

  public record Read(String from, String msgId) implements Call {}

  private final String kind;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean failing;

  public FakeLink(String kind) {
    this.kind = kind;
  }

  public static FakeLink websocket() {
    return new FakeLink("websocket");
  }

  public static FakeLink sip() {
    return new FakeLink("sip");
  }

  /** From now on every write fails, as on a link whose phone is gone; nothing is recorded. */
  public void failWrites() {
    failing = true;
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The msgIds of the messages delivered, in order. */
  public List<String> delivered() {
    return calls.stream().filter(Delivered.class::isInstance)
        .map(call -> ((Delivered) call).message().msgId()).toList();
  }

  /** The msgIds of the revokes, in order. */
  public List<String> revoked() {
    return calls.stream().filter(Revoked.class::isInstance)
        .map(call -> ((Revoked) call).msgId()).toList();
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public Future<Void> deliver(DeviceMessage message) {
    return record(new Delivered(message));
  }

  @Override
  public Future<Void> revoke(String from, String msgId) {
    return record(new Revoked(from, msgId));
  }

  @Override
  public Future<Void> typing(String from, TypingState state) {
    return record(new Typed(from, state));
  }

  @Override
  public Future<Void> displayed(String from, String msgId) {
    return record(new Read(from, msgId));
  }

  private Future<Void> record(Call call) {
    if (failing) {
      return Future.failedFuture("the phone is gone");
    }
    calls.add(call);
    return Future.succeededFuture();
  }
}
