package org.openmaap.card.sms;

import java.util.Objects;

/** One SMS segment: its text and the units it uses (septets for GSM-7, UTF-16 units for UCS-2). */
public record Segment(String text, int units) {
  public Segment {
    Objects.requireNonNull(text, "text must not be null");
    if (units < 0) {
      throw new IllegalArgumentException("units must not be negative");
    }
  }
}
