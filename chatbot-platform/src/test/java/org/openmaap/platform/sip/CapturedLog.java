package org.openmaap.platform.sip;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the SIP interface logs at INFO and above while a test runs, read from java.util.logging
 * as an operator's log handler would get it.
 */
final class CapturedLog implements AutoCloseable {

  // Held here so that the logger, and the handler on it, outlive any garbage collection.
  private final Logger logger = Logger.getLogger("org.openmaap.platform.sip");
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.INFO.intValue()) {
        lines.add(record.getLevel() + " " + record.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  private CapturedLog() {}

  /** Starts capturing. */
  static CapturedLog start() {
    CapturedLog log = new CapturedLog();
    log.logger.addHandler(log.handler);
    return log;
  }

  /** The lines logged so far, "LEVEL message". */
  List<String> lines() {
    return List.copyOf(lines);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
