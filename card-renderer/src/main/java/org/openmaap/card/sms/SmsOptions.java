package org.openmaap.card.sms;

/** How SmsText renders: the segment budget, map link templates and the chatbot's signature. */
public record SmsOptions(
    int segmentBudget, String mapLinkTemplate, String mapSearchTemplate, String signature) {

  public static final int DEFAULT_SEGMENT_BUDGET = 4;
  public static final String DEFAULT_MAP_LINK =
      "https://www.openstreetmap.org/?mlat={lat}&mlon={lon}";
  public static final String DEFAULT_MAP_SEARCH =
      "https://www.openstreetmap.org/search?query={query}";

  public SmsOptions {
    if (segmentBudget < 1) {
      throw new IllegalArgumentException("segmentBudget must be at least 1, got " + segmentBudget);
    }
    if (!mapLinkTemplate.contains("{lat}") || !mapLinkTemplate.contains("{lon}")) {
      throw new IllegalArgumentException("mapLinkTemplate must contain {lat} and {lon}");
    }
    if (!mapSearchTemplate.contains("{query}")) {
      throw new IllegalArgumentException("mapSearchTemplate must contain {query}");
    }
  }

  /** The defaults: a budget of 4 segments, OpenStreetMap links, no signature. */
  public static SmsOptions defaults() {
    return new SmsOptions(DEFAULT_SEGMENT_BUDGET, DEFAULT_MAP_LINK, DEFAULT_MAP_SEARCH, null);
  }

  /** These options with the chatbot's signature as the last line (null or blank for none). */
  public SmsOptions withSignature(String signature) {
    return new SmsOptions(segmentBudget, mapLinkTemplate, mapSearchTemplate, signature);
  }

  /** These options with another segment budget. */
  public SmsOptions withSegmentBudget(int budget) {
    return new SmsOptions(budget, mapLinkTemplate, mapSearchTemplate, signature);
  }
}
