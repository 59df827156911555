package org.openmaap.platform.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openmaap.platform.ApiError;

/** One byte range of a file, from a {@code Range: bytes=...} header (RFC 9110, section 14). */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  long length() {
    return last - first + 1;
  }

  /**
   * The range of a file of {@code size} bytes the header asks for; empty for the whole file (no
   * header, one the server may ignore: malformed or several ranges); 416 when it asks only for
   * bytes past the end.
   */
  static Optional<ByteRange> of(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher range = SINGLE.matcher(header.replace(" ", ""));
    if (!range.matches() || (range.group(1).isEmpty() && range.group(2).isEmpty())) {
      return Optional.empty();
    }
    if (range.group(1).isEmpty()) {
      long suffix = Long.parseLong(range.group(2));
      if (suffix == 0 || size == 0) {
        throw unsatisfiable(size);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = Long.parseLong(range.group(1));
    long last = range.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(range.group(2));
    if (last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      throw unsatisfiable(size);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  private static ApiError unsatisfiable(long size) {
    return new ApiError(416, "range_not_satisfiable", "the range starts past the end of the file, "
        + "which has " + size + " bytes");
  }
}
