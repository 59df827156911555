package org.openmaap.card.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.openmaap.card.network.NetworkFormatException;
import org.openmaap.card.network.Xml;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Severity;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;
import org.openmaap.card.validation.Violation;
import org.w3c.dom.Element;

/**
 * Validates content in whichever form a chatbot wrote it: a GSMA document, a CT/CU send (a
 * {@code messageList}) or a CMCC send (an {@code outboundMessageRequest}, XML or its JSON
 * binding), read as the GSMA document it stands for.
 */
public final class Dialects {

  private Dialects() {}

  /** Validates JSON (or, starting with {@code <}, CMCC XML) given as UTF-8 bytes. */
  public static Validation validate(byte[] document) {
    int start = start(document);
    if (start < document.length && document[start] == '<') {
      // A declaration must come first in XML: what a paste puts before it is not the document.
      return validateXml(Arrays.copyOfRange(document, start, document.length));
    }
    Validation read = Validator.validate(document);
    if (read.tree() != null && read.tree().has("outboundMessageRequest")) {
      return validateJson(read.tree());
    }
    return CtcuMessages.isSend(read.tree()) ? CtcuMessages.validateSend(read.tree()) : read;
  }

  /** A CMCC send in the OMA JSON binding, its violations JSON pointers into it. */
  private static Validation validateJson(JsonNode send) {
    OmaJson.Read read = OmaJson.read(send);
    if (read == null) {
      return failure(Code.BAD_VALUE, "a CMCC send in JSON is {\"outboundMessageRequest\": {...}}"
          + " and nothing else");
    }
    Validation content = read.violations().isEmpty()
        ? CmccMessages.validateRequest(read.root())
        : new Validation(read.violations(), null);
    return new Validation(content.violations().stream().map(v -> new Violation(
        OmaJson.pointer(v.path()), v.code(), v.message(), v.severity())).toList(),
        content.tree());
  }

  /** Reads at most one byte more than the validator's limit, so a huge stream is never held. */
  public static Validation validate(InputStream in) throws IOException {
    return validate(in.readNBytes(Validator.MAX_DOCUMENT_BYTES + 1));
  }

  private static Validation validateXml(byte[] xml) {
    if (xml.length > Validator.MAX_DOCUMENT_BYTES) {
      return failure(Code.TOO_LARGE, "the document has " + xml.length + " bytes; the limit is "
          + Validator.MAX_DOCUMENT_BYTES);
    }
    Element root;
    try {
      root = Xml.parse(xml, Validator.MAX_DOCUMENT_BYTES);
    } catch (NetworkFormatException e) {
      return failure(Code.BAD_VALUE, "not a CMCC outboundMessageRequest: " + e.getMessage());
    }
    if (!CmccMessages.isRequest(root)) {
      return failure(Code.BAD_VALUE, "an XML document here is a CMCC outboundMessageRequest"
          + " (xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\"), not "
          + root.getLocalName());
    }
    return CmccMessages.validateRequest(root);
  }

  /** Where the document starts after a byte order mark and white space. */
  private static int start(byte[] document) {
    int at = document.length >= 3 && (document[0] & 0xFF) == 0xEF
        && (document[1] & 0xFF) == 0xBB && (document[2] & 0xFF) == 0xBF ? 3 : 0;
    while (at < document.length && Character.isWhitespace(document[at])) {
      at++;
    }
    return at;
  }

  private static Validation failure(Code code, String message) {
    return new Validation(List.of(new Violation("", code, message, Severity.ERROR)), null);
  }
}
