package org.openmaap.card.html;

import java.util.Locale;

/** Short human-readable labels for sizes, file types and durations, as a phone prints them. */
final class Labels {

  private Labels() {}

  /** Bytes in decimal units as Android shows them: 512 B, 9.1 kB, 88 kB, 1.8 MB. */
  static String size(Long bytes) {
    if (bytes == null || bytes < 0) {
      return null;
    }
    if (bytes < 1000) {
      return bytes + " B";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = -1;
    while (value >= 999.5 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    long tenths = Math.round(value * 10);
    String number = tenths < 100 && tenths % 10 != 0
        ? (tenths / 10) + "." + (tenths % 10)
        : Long.toString(Math.round(value));
    return number + " " + units[unit];
  }

  /** A short type such as PDF or MP3: the file name's extension, else one from the MIME type. */
  static String type(String fileName, String mimeType) {
    String extension = extension(fileName);
    if (extension != null) {
      return extension;
    }
    if (mimeType == null) {
      return null;
    }
    String known = switch (mimeType.toLowerCase(Locale.ROOT)) {
      case "audio/mpeg" -> "MP3";
      case "audio/mp4" -> "M4A";
      case "image/jpeg" -> "JPEG";
      case "text/plain" -> "Text";
      default -> null;
    };
    if (known != null) {
      return known;
    }
    String subtype = mimeType.substring(mimeType.indexOf('/') + 1);
    if (subtype.startsWith("x-")) {
      subtype = subtype.substring(2);
    }
    return shortWord(subtype) ? subtype.toUpperCase(Locale.ROOT) : mimeType;
  }

  /** Seconds as m:ss (or h:mm:ss). */
  static String duration(Long seconds) {
    if (seconds == null || seconds < 0) {
      return null;
    }
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    String mmss = (s < 10 ? m + ":0" : m + ":") + s;
    return h == 0 ? mmss : h + ":" + (m < 10 ? "0" : "") + mmss;
  }

  private static String extension(String fileName) {
    if (fileName == null) {
      return null;
    }
    int dot = fileName.lastIndexOf('.');
    if (dot <= 0 || dot == fileName.length() - 1) {
      return null;
    }
    String extension = fileName.substring(dot + 1);
    return shortWord(extension) ? extension.toUpperCase(Locale.ROOT) : null;
  }

  private static boolean shortWord(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }
}
