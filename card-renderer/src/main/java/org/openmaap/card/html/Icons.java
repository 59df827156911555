package org.openmaap.card.html;

/** Inline SVG glyphs, drawn for this renderer on a 24-unit grid; stroke and size come from CSS. */
final class Icons {

  static final String LINK = svg("<circle cx=\"12\" cy=\"12\" r=\"9\"/>"
      + "<path d=\"M3 12h18M12 3c3.2 3.6 3.2 14.4 0 18M12 3c-3.2 3.6-3.2 14.4 0 18\"/>");
  static final String PHONE = svg("<path d=\"M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4"
      + "a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z\"/>");
  static final String ENRICHED_CALL = svg("<path d=\"M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4"
      + "a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1z\"/><path d=\"M14 3h7v5h-4l-3 2z\"/>");
  static final String VIDEO = svg("<rect x=\"2\" y=\"6\" width=\"13\" height=\"12\" rx=\"2\"/>"
      + "<path d=\"M15 10.5l6-3.5v10l-6-3.5z\"/>");
  static final String PIN = svg(
      "<path d=\"M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z\"/>"
      + "<circle cx=\"12\" cy=\"9.5\" r=\"2.5\"/>");
  static final String MY_LOCATION = svg("<circle cx=\"12\" cy=\"12\" r=\"7\"/>"
      + "<circle cx=\"12\" cy=\"12\" r=\"2\"/><path d=\"M12 2v3M12 19v3M2 12h3M19 12h3\"/>");
  static final String CALENDAR = svg("<rect x=\"3\" y=\"5\" width=\"18\" height=\"16\" rx=\"2\"/>"
      + "<path d=\"M3 10h18M8 3v4M16 3v4\"/>");
  static final String MESSAGE = svg("<path d=\"M4 5h16v11H9l-5 4z\"/><path d=\"M8 9h8M8 12h5\"/>");
  static final String MIC = svg("<rect x=\"9\" y=\"3\" width=\"6\" height=\"11\" rx=\"3\"/>"
      + "<path d=\"M5 11a7 7 0 0 0 14 0M12 18v3\"/>");
  static final String DEVICE = svg("<rect x=\"7\" y=\"2\" width=\"10\" height=\"20\" rx=\"2\"/>"
      + "<path d=\"M11 18h2\"/>");
  static final String PERSON = svg("<circle cx=\"12\" cy=\"8\" r=\"4\"/>"
      + "<path d=\"M4 21a8 8 0 0 1 16 0\"/>");
  static final String RECEIPT = svg("<path d=\"M2 13l4 4 8-9M10 16l1 1 9-10\"/>");
  static final String FILE = svg("<path d=\"M6 2h8l5 5v15H6z\"/><path d=\"M14 2v5h5\"/>");
  static final String AUDIO = svg("<path d=\"M9 18V5l11-2v13\"/>"
      + "<circle cx=\"6.5\" cy=\"18\" r=\"2.5\"/><circle cx=\"17.5\" cy=\"16\" r=\"2.5\"/>");
  static final String PLAY = svg("<path class=\"omp-fill\" d=\"M9 6.5v11l9-5.5z\"/>");

  private Icons() {}

  private static String svg(String body) {
    return "<svg class=\"omp-icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">"
        + body + "</svg>";
  }
}
