package org.openmaap.card.validation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.openmaap.card.model.CardJson;

/** Checks rich content against CARDS.md and returns every violation; never throws on bad input. */
public final class Validator {

  /** The largest document accepted, in bytes of JSON (CARDS.md: whole message). */
  public static final int MAX_DOCUMENT_BYTES = 250_000;

  /** The media types a card's media may have (CARDS.md): images, videos and audio clips. */
  public static final List<String> MEDIA_TYPES = Schema.MEDIA_TYPES;

  private Validator() {}

  /** Validates JSON text given as a string (its size is counted in UTF-8 bytes). */
  public static Validation validate(String json) {
    return validate(json.getBytes(StandardCharsets.UTF_8));
  }

  /** Validates JSON text given as UTF-8 bytes. */
  public static Validation validate(byte[] json) {
    return read(json, Validator::validateTree);
  }

  /** Parses the bytes within the size and nesting limits, then checks the tree. */
  private static Validation read(byte[] json, Function<JsonNode, Validation> check) {
    if (json.length > MAX_DOCUMENT_BYTES) {
      return tooLarge("the document has " + json.length + " bytes; the limit is "
          + MAX_DOCUMENT_BYTES);
    }
    JsonNode tree;
    try {
      tree = CardJson.readTree(json);
    } catch (StreamConstraintsException e) {
      return failure(Code.TOO_LARGE, "the document nests deeper than "
          + CardJson.MAX_NESTING_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      return failure(Code.INVALID_JSON, "not valid JSON at " + where(e.getLocation()) + ": "
          + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
    } catch (IOException e) {
      return failure(Code.INVALID_JSON, "not valid JSON: " + e.getMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      return failure(Code.INVALID_JSON, "the document is empty");
    }
    return check.apply(tree);
  }

  /** Reads at most {@link #MAX_DOCUMENT_BYTES} + 1 bytes, so a huge stream is never buffered. */
  public static Validation validate(InputStream in) throws IOException {
    byte[] json = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
    if (json.length > MAX_DOCUMENT_BYTES) {
      return tooLarge("the document has more than " + MAX_DOCUMENT_BYTES + " bytes");
    }
    return validate(json);
  }

  /**
   * Validates an already parsed document (the caller enforces the size limit); a null member
   * counts as absent, and the validation's tree is the document as read (see {@link Validation}).
   */
  public static Validation validateTree(JsonNode tree) {
    Findings findings = new Findings();
    JsonNode read = AsRead.withoutTappedType(tree);
    Schema.DOCUMENT.check(read, Pointer.ROOT, findings);
    return new Validation(findings.list(),
        AsRead.withContactObject(AsRead.withoutNullMembers(read)));
  }

  /**
   * Validates a chatbot's persistent menu, {@code {"menu": {"entries": [...]}}}: entries are the
   * suggestions of a chip list or a submenu, five to a level, three levels at most. The
   * validation's tree is the menu as read (null members dropped); the card model has no menu, so
   * {@link Validation#document()} does not apply to it.
   */
  public static Validation validateMenu(byte[] json) {
    return read(json, Validator::validateMenuTree);
  }

  /** Validates an already parsed persistent menu (see {@link #validateMenu(byte[])}). */
  public static Validation validateMenuTree(JsonNode tree) {
    Findings findings = new Findings();
    Schema.PERSISTENT_MENU.check(tree, Pointer.ROOT, findings);
    return new Validation(findings.list(), AsRead.withoutNullMembers(tree));
  }

  private static Validation tooLarge(String message) {
    return failure(Code.TOO_LARGE, message);
  }

  private static Validation failure(Code code, String message) {
    return new Validation(List.of(new Violation("", code, message, Severity.ERROR)), null);
  }

  private static String where(JsonLocation location) {
    return location == null
        ? "an unknown place"
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
