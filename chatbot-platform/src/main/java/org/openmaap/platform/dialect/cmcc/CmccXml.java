package org.openmaap.platform.dialect.cmcc;

import java.util.regex.Pattern;
import org.openmaap.card.dialect.CmccMessages;

/**
 * The names the OMA NetAPI envelopes share, and what writing them needs (reading them is
 * card-renderer's {@link org.openmaap.card.dialect.OmaXml}).
 */
final class CmccXml {

  static final String MESSAGING_NS = "urn:oma:xml:rest:netapi:messaging:1";
  static final String CONTENT_TYPE = "application/xml;charset=UTF-8";
  static final String REQUEST_PATH = CmccMessages.REQUEST_PATH;

  private static final Pattern ADDRESS = Pattern.compile(
      ".*/(address|destinationAddress)(\\[[0-9]+])?");
  private static final Pattern NOT_XML = Pattern.compile(
      "[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private CmccXml() {}

  /** Whether an element path names a recipient element. */
  static boolean isAddress(String path) {
    return ADDRESS.matcher(path).matches();
  }

  /** The text without the characters XML 1.0 cannot carry (they would fail the writer). */
  static String clean(String text) {
    return text == null ? null : NOT_XML.matcher(text).replaceAll("\uFFFD");
  }
}
