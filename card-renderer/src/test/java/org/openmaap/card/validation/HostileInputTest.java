package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bad input never escapes as an exception: it becomes violations. */
class HostileInputTest {

  @Test
  void validate_hundredThousandLevelsOfNesting_isTooLargeNotStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);

    Validation validation = Validator.validate(deep);

    assertThat(validation.violations()).singleElement()
        .satisfies(v -> assertThat(v.code()).isEqualTo(Code.TOO_LARGE))
        .satisfies(v -> assertThat(v.message()).contains("nests deeper"));
  }

  @Test
  void validate_deepNestingInsideAKnownMember_isTooLarge() {
    String deep = "{\"RCSMessage\": {\"textMessage\": " + "{\"a\":".repeat(5000) + "1"
        + "}".repeat(5000) + "}}";

    assertThat(Validator.validate(deep).violations()).extracting(Violation::code)
        .containsExactly(Code.TOO_LARGE);
  }

  @Test
  void validate_fiftyMegabyteStream_isTooLargeWithoutReadingItAll() throws IOException {
    CountingStream in = new CountingStream(50L * 1024 * 1024);

    Validation validation = Validator.validate(in);

    assertThat(validation.violations()).extracting(Violation::code)
        .containsExactly(Code.TOO_LARGE);
    assertThat(in.read).isLessThanOrEqualTo(Validator.MAX_DOCUMENT_BYTES + 1);
  }

  @Test
  void validate_fiftyMegabyteArray_isTooLarge() {
    byte[] huge = new byte[50 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';

    assertThat(Validator.validate(huge).violations()).extracting(Violation::code)
        .containsExactly(Code.TOO_LARGE);
  }

  @Test
  void validate_invalidUtf8_isInvalidJson() {
    byte[] json = "{\"RCSMessage\": {\"textMessage\": \"caf\u00ff\"}}"
        .getBytes(StandardCharsets.ISO_8859_1);

    Validation validation = Validator.validate(json);

    assertThat(validation.violations()).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(Code.INVALID_JSON);
      assertThat(v.message()).contains("line 1");
    });
  }

  @Test
  void validate_hugeExponent_isAViolationNotAnException() {
    String json = """
        {"suggestions": [{"action": {"mapAction": {"showLocation": {"location":
          {"latitude": 1e400, "longitude": -1e400}}}, "displayText": "a", "postback": {"data": "a"}}}]}""";

    assertThat(Validator.validate(json).violations()).extracting(Violation::code)
        .containsExactly(Code.OUT_OF_RANGE, Code.OUT_OF_RANGE);
  }

  @Test
  void validate_hugeIntegerFileSize_isTooLarge() {
    String json = """
        {"RCSMessage": {"fileMessage": {"fileUrl": "https://e.com/f", "fileMIMEType": "a/b",
          "fileSize": 1%s}}}""".formatted("0".repeat(400));

    assertThat(Validator.validate(json).violations()).extracting(Violation::code)
        .containsExactly(Code.TOO_LARGE);
  }

  @Test
  void validate_floatingFileSize1e400_isWrongType() {
    String json = """
        {"RCSMessage": {"fileMessage": {"fileUrl": "https://e.com/f", "fileMIMEType": "a/b",
          "fileSize": 1e400}}}""";

    assertThat(Validator.validate(json).violations()).extracting(Violation::code)
        .containsExactly(Code.WRONG_TYPE);
  }

  @Test
  void validate_emptyInput_isInvalidJson() {
    assertThat(Validator.validate("").violations()).extracting(Violation::code)
        .containsExactly(Code.INVALID_JSON);
    assertThat(Validator.validate("   ").violations()).extracting(Violation::code)
        .containsExactly(Code.INVALID_JSON);
  }

  @Test
  void validate_loneSurrogateEscape_isCountedAndNeverThrows() {
    String json = "{\"RCSMessage\": {\"textMessage\": \"\\ud800\"}}";

    assertThat(Validator.validate(json).valid()).isTrue();
  }

  @Test
  void validate_controlCharacterInString_isInvalidJson() {
    String json = "{\"RCSMessage\": {\"textMessage\": \"a\u0001b\"}}";

    assertThat(Validator.validate(json).violations()).extracting(Violation::code)
        .containsExactly(Code.INVALID_JSON);
  }

  /** An endless-looking stream of spaces that counts what was read from it. */
  private static final class CountingStream extends InputStream {
    private final long size;
    long read;

    CountingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return ' ';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read >= size) {
        return -1;
      }
      int n = (int) Math.min(len, size - read);
      java.util.Arrays.fill(b, off, off + n, (byte) ' ');
      read += n;
      return n;
    }
  }

  @Test
  void validate_streamUnderTheLimit_isValidated() throws IOException {
    InputStream in = new ByteArrayInputStream(
        "{\"RCSMessage\": {\"textMessage\": \"hi\"}}".getBytes(StandardCharsets.UTF_8));

    assertThat(Validator.validate(in).valid()).isTrue();
  }
}
