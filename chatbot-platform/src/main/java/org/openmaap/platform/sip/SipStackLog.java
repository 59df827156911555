package org.openmaap.platform.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * JAIN-SIP's log, sent to java.util.logging (the stack would otherwise need log4j); public only
 * because the stack makes it by name.
 */
public final class SipStackLog implements StackLogger {

  private static final Logger LOG = Logger.getLogger("org.openmaap.platform.sip.stack");

  @Override
  public void logStackTrace() {}

  @Override
  public void logStackTrace(int traceLevel) {}

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    LOG.log(Level.FINE, "SIP stack", ex);
  }

  @Override
  public void logDebug(String message) {
    LOG.finest(message);
  }

  @Override
  public void logDebug(String message, Exception ex) {
    LOG.log(Level.FINEST, message, ex);
  }

  @Override
  public void logTrace(String message) {
    LOG.finest(message);
  }

  @Override
  public void logFatalError(String message) {
    LOG.severe(message);
  }

  @Override
  public void logError(String message) {
    LOG.warning(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return LOG.isLoggable(Level.FINE);
  }

  @Override
  public boolean isLoggingEnabled(int logLevel) {
    // The stack builds its debug and trace text only when asked to; errors always pass.
    return logLevel <= TRACE_ERROR || LOG.isLoggable(logLevel <= TRACE_INFO ? Level.FINE
        : Level.FINEST);
  }

  @Override
  public void logError(String message, Exception ex) {
    LOG.log(Level.WARNING, message, ex);
  }

  // Its warnings are about TLS stores and settings we do not use: fine-grained, not warnings.
  @Override
  public void logWarning(String message) {
    LOG.fine(message);
  }

  @Override
  public void logInfo(String message) {
    LOG.fine(message);
  }

  @Override
  public void disableLogging() {}

  @Override
  public void enableLogging() {}

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {}

  @Override
  public void setStackProperties(Properties stackProperties) {}

  @Override
  public String getLoggerName() {
    return LOG.getName();
  }
}
