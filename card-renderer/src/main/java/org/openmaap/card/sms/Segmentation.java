package org.openmaap.card.sms;

import java.util.List;
import java.util.Objects;

/** How a text travels as SMS: its encoding and the segments it is split into, in order. */
public record Segmentation(Encoding encoding, List<Segment> segments) {
  public Segmentation {
    Objects.requireNonNull(encoding, "encoding must not be null");
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("segments must not be empty");
    }
  }

  /** Returns the number of segments, which is at least one. */
  public int count() {
    return segments.size();
  }

  /** Returns the units used by each segment, in order. */
  public List<Integer> units() {
    return segments.stream().map(Segment::units).toList();
  }
}
