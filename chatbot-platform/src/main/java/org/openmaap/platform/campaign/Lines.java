package org.openmaap.platform.campaign;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts a body that arrives in pieces into its lines, numbered from 1 and read as UTF-8: each ends
 * with LF or CRLF, the last one maybe with the body. A line longer than the limit is not kept but
 * reported as too long, so a body without line ends never fills the memory.
 */
final class Lines {

  /** Where the lines go. */
  interface Receiver {
    void line(long number, String text);

    void tooLong(long number);
  }

  private final int maxBytes;
  private final Receiver receiver;
  private byte[] partial = new byte[256];
  private int length;
  private boolean overlong;
  private long number;

  Lines(int maxBytes, Receiver receiver) {
    this.maxBytes = maxBytes;
    this.receiver = receiver;
  }

  /** Hands on every line that {@code chunk} ends, and keeps the start of the next. */
  void feed(Buffer chunk) {
    byte[] bytes = chunk.getBytes();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        if (length == 0 && !overlong) {
          emit(bytes, start, i);
        } else {
          keep(bytes, start, i);
          emit(partial, 0, length);
        }
        length = 0;
        overlong = false;
        start = i + 1;
      }
    }
    keep(bytes, start, bytes.length);
  }

  /** The body ended: hands on its last line if it did not end with a line end. */
  void end() {
    if (length > 0 || overlong) {
      emit(partial, 0, length);
      length = 0;
      overlong = false;
    }
  }

  private void keep(byte[] bytes, int from, int to) {
    if (overlong || from == to) {
      return;
    }
    int size = length + to - from;
    // One byte more than the limit: room for the CR of a CRLF.
    if (size > maxBytes + 1) {
      overlong = true;
      length = 0;
      return;
    }
    if (size > partial.length) {
      partial = Arrays.copyOf(partial, Math.min(Math.max(size, 2 * partial.length), maxBytes + 1));
    }
    System.arraycopy(bytes, from, partial, length, to - from);
    length = size;
  }

  private void emit(byte[] bytes, int from, int to) {
    number++;
    int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
    if (overlong || end - from > maxBytes) {
      receiver.tooLong(number);
      return;
    }
    receiver.line(number, new String(bytes, from, end - from, StandardCharsets.UTF_8));
  }
}
