package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A shared location: {@code pos} is "latitude longitude", with optional label and radius, and
 * FNW.11's {@code timeOffset} (the sender's offset from UTC in minutes), which nothing renders.
 */
public record GeolocationPushMessage(
    String pos, String label, String timestamp, String expiry, Double radius, Integer timeOffset) {

  /** A shared location without a time offset. */
  public GeolocationPushMessage(
      String pos, String label, String timestamp, String expiry, Double radius) {
    this(pos, label, timestamp, expiry, radius, null);
  }

  /** The latitude part of {@code pos}. */
  @JsonIgnore
  public double latitude() {
    return Double.parseDouble(pos.trim().split("\\s+")[0]);
  }

  /** The longitude part of {@code pos}. */
  @JsonIgnore
  public double longitude() {
    return Double.parseDouble(pos.trim().split("\\s+")[1]);
  }
}
