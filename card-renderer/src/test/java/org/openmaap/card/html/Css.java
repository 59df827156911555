package org.openmaap.card.html;

/** Reads one declaration out of the stylesheet, for tests that pin the look's key numbers. */
final class Css {

  private Css() {}

  /** The value of {@code property} in the rule whose selector is exactly {@code selector}. */
  static String declaration(String css, String selector, String property) {
    int at = 0;
    while ((at = css.indexOf(selector + " {", at)) >= 0) {
      boolean ruleStart = at == 0 || css.charAt(at - 1) == '\n';
      int open = at + selector.length() + 1;
      int close = css.indexOf('}', open);
      if (ruleStart) {
        for (String line : css.substring(open + 1, close).split(";")) {
          String[] pair = line.split(":", 2);
          if (pair.length == 2 && pair[0].trim().equals(property)) {
            return pair[1].trim();
          }
        }
      }
      at = close;
    }
    return null;
  }
}
