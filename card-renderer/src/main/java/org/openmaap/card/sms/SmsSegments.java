package org.openmaap.card.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Decides the encoding of an SMS text and splits it into segments as an SMSC would. */
public final class SmsSegments {
  private SmsSegments() {}

  /**
   * Returns the encoding and segments of {@code text}, the empty text being one empty GSM-7 segment
   * because an SMSC still sends one message for it.
   */
  public static Segmentation split(String text) {
    Objects.requireNonNull(text, "text must not be null");
    int septets = Gsm7.septets(text);
    Encoding encoding = septets < 0 ? Encoding.UCS_2 : Encoding.GSM_7;
    int units = septets < 0 ? text.length() : septets;
    if (units <= encoding.singleUnits) {
      return new Segmentation(encoding, List.of(new Segment(text, units)));
    }
    return new Segmentation(encoding, concatenated(text, encoding));
  }

  private static List<Segment> concatenated(String text, Encoding encoding) {
    Packer packer = new Packer(text, encoding.concatenatedUnits);
    int start = 0;
    while (start < text.length()) {
      int end = Graphemes.clusterEnd(text, start);
      int units = units(text, start, end, encoding);
      if (units <= encoding.concatenatedUnits) {
        packer.place(start, units);
      } else {
        // A cluster longer than a whole segment cannot stay whole; cut it between code points.
        for (int at = start; at < end; ) {
          int next = at + Character.charCount(text.codePointAt(at));
          packer.place(at, units(text, at, next, encoding));
          at = next;
        }
      }
      start = end;
    }
    return packer.finish();
  }

  private static int units(String text, int from, int to, Encoding encoding) {
    return encoding == Encoding.GSM_7 ? Gsm7.septets(text, from, to) : to - from;
  }

  /** Fills segments greedily with pieces that must not be split. */
  private static final class Packer {
    private final String text;
    private final int limit;
    private final List<Segment> segments = new ArrayList<>();
    private int segmentStart;
    private int used;

    Packer(String text, int limit) {
      this.text = text;
      this.limit = limit;
    }

    void place(int at, int units) {
      if (used + units > limit) {
        segments.add(new Segment(text.substring(segmentStart, at), used));
        segmentStart = at;
        used = 0;
      }
      used += units;
    }

    List<Segment> finish() {
      segments.add(new Segment(text.substring(segmentStart), used));
      return segments;
    }
  }
}
