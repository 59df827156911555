package org.openmaap.platform.sip;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.logging.Logger;

/**
 * JAIN-SIP's own message parser, with what it refuses logged: the stack answers a malformed request
 * 400 by itself (or drops what is not SIP at all) and would say so in its debug trace alone;
 * public only because the stack makes it by name.
 */
public final class SipParseLog implements MessageParserFactory {

  private static final Logger LOG = Logger.getLogger(SipParseLog.class.getName());
  /** How much of a refused message's first line the log shows. */
  private static final int SHOWN = 120;

  private final MessageParserFactory parsers = new StringMsgParserFactory();

  @Override
  public MessageParser createMessageParser(SIPTransactionStack stack) {
    MessageParser parser = parsers.createMessageParser(stack);
    return (bytes, readBody, strict, listener) -> {
      try {
        return parser.parseSIPMessage(bytes, readBody, strict, listener);
      } catch (ParseException e) {
        LOG.info(() -> "malformed SIP refused (a request that names its sender is answered 400): "
            + Refused.oneLine(e.getMessage()) + "; it began '" + firstLine(bytes) + "'");
        throw e;
      }
    };
  }

  private static String firstLine(byte[] bytes) {
    String text = new String(bytes, 0, Math.min(bytes.length, SHOWN), StandardCharsets.UTF_8);
    int end = text.indexOf('\r') >= 0 ? text.indexOf('\r') : text.indexOf('\n');
    return Refused.oneLine(end >= 0 ? text.substring(0, end) : text);
  }
}
