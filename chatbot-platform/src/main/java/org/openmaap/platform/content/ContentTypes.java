package org.openmaap.platform.content;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.openmaap.card.validation.Validator;
import org.openmaap.platform.failure.UnsupportedType;

/**
 * The content types the content server keeps (CARDS.md's media types, plus the documents people
 * send as files), and what a file's first bytes say it is: a declared type the bytes contradict is
 * refused, so a file is always served as what it is.
 */
final class ContentTypes {

  /** How many leading bytes {@link #sniff} looks at. */
  static final int HEAD_BYTES = 64;

  static final List<String> ALLOWED = Stream.concat(Validator.MEDIA_TYPES.stream(),
      Stream.of("application/pdf", "text/plain", "text/vcard", "text/calendar")).toList();

  /** Types a thumbnail is generated for. */
  private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/gif");

  private static final Map<String, String> ALIASES = Map.of(
      "image/jpg", "image/jpeg",
      "image/pjpeg", "image/jpeg",
      "audio/mp3", "audio/mpeg",
      "audio/x-aac", "audio/aac",
      "audio/x-m4a", "audio/mp4",
      "text/x-vcard", "text/vcard",
      "video/3gp", "video/3gpp");

  private static final Map<String, String> EXTENSIONS = Map.ofEntries(
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"), Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"), Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"), Map.entry("3gp", "video/3gpp"),
      Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"), Map.entry("amr", "audio/amr"),
      Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"),
      Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
      Map.entry("vcf", "text/vcard"), Map.entry("ics", "text/calendar"));

  /** Bytes that can hold either of these types (an ISO media file, an MPEG audio frame). */
  private static final Map<String, Set<String>> SAME_BYTES = Map.of(
      "video/mp4", Set.of("video/mp4", "audio/mp4", "video/3gpp"),
      "audio/mpeg", Set.of("audio/mpeg", "audio/aac"));

  private ContentTypes() {}

  /**
   * The type to keep a file as: the declared {@code fileType}, else the type its part or response
   * named, else what its bytes are, else its file name's extension; UnsupportedType when that is
   * not a type the platform keeps or the bytes say otherwise.
   */
  static String decide(String fileType, String transferType, String fileName, byte[] head) {
    Optional<String> sniffed = sniff(head);
    String declared = normalize(fileType);
    if (declared == null) {
      declared = normalize(transferType);
    }
    if (declared == null) {
      declared = sniffed.or(() -> byExtension(fileName)).orElseThrow(() -> unsupported(
          "the platform cannot tell what this file is; name its type in fileType"));
    }
    if (!ALLOWED.contains(declared)) {
      throw unsupported("the platform does not keep " + declared + " files; it keeps "
          + String.join(", ", ALLOWED));
    }
    String kept = declared;
    if (sniffed.isPresent() && !SAME_BYTES.getOrDefault(sniffed.get(), Set.of(sniffed.get()))
        .contains(kept)) {
      throw unsupported("the file is declared as " + kept + " but its bytes are "
          + sniffed.get());
    }
    return kept;
  }

  /** Whether a thumbnail is generated for files of this type. */
  static boolean hasThumbnail(String contentType) {
    return IMAGES.contains(contentType);
  }

  /** The bare, lower-case type with aliases resolved; null for none or a generic octet stream. */
  static String normalize(String type) {
    if (type == null) {
      return null;
    }
    int semicolon = type.indexOf(';');
    String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).trim()
        .toLowerCase(Locale.ROOT);
    if (bare.isEmpty() || bare.equals("application/octet-stream")) {
      return null;
    }
    return ALIASES.getOrDefault(bare, bare);
  }

  /** What the first bytes of a file say it is, for the formats that have a signature. */
  static Optional<String> sniff(byte[] head) {
    if (startsWith(head, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
      return Optional.of("image/gif");
    }
    if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
      return Optional.of("image/webp");
    }
    if (ascii(head, 0, "%PDF-")) {
      return Optional.of("application/pdf");
    }
    if (ascii(head, 4, "ftyp")) {
      return Optional.of(ascii(head, 8, "3gp") ? "video/3gpp" : "video/mp4");
    }
    if (startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
      return Optional.of("video/webm");
    }
    if (ascii(head, 0, "OggS")) {
      return Optional.of("audio/ogg");
    }
    if (ascii(head, 0, "#!AMR")) {
      return Optional.of("audio/amr");
    }
    // An MPEG audio frame starts with 11 set bits; FF FE is a UTF-16 text's byte order mark.
    if (ascii(head, 0, "ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF
        && (head[1] & 0xE0) == 0xE0 && (head[1] & 0xFF) != 0xFE)) {
      return Optional.of("audio/mpeg");
    }
    return Optional.empty();
  }

  static Optional<String> byExtension(String fileName) {
    if (fileName == null || fileName.lastIndexOf('.') < 0) {
      return Optional.empty();
    }
    String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return Optional.ofNullable(EXTENSIONS.get(extension));
  }

  private static boolean startsWith(byte[] head, int offset, int... signature) {
    if (head.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((head[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] head, int offset, String text) {
    byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
    return head.length >= offset + expected.length
        && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
  }

  private static UnsupportedType unsupported(String message) {
    return new UnsupportedType(message);
  }
}
