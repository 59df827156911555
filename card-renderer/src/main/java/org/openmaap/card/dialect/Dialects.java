package org.openmaap.card.dialect;

import java.io.IOException;
import java.io.InputStream;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Validator;

/**
 * Validates content in whichever form a chatbot wrote it: a GSMA document, or a CT/CU send (a
 * {@code messageList}), read as the GSMA document it stands for.
 */
public final class Dialects {

  private Dialects() {}

  /** Validates JSON text given as UTF-8 bytes, within the validator's limits. */
  public static Validation validate(byte[] json) {
    Validation read = Validator.validate(json);
    return CtcuMessages.isSend(read.tree()) ? CtcuMessages.validateSend(read.tree()) : read;
  }

  /** Reads at most one byte more than the validator's limit, so a huge stream is never held. */
  public static Validation validate(InputStream in) throws IOException {
    return validate(in.readNBytes(Validator.MAX_DOCUMENT_BYTES + 1));
  }
}
