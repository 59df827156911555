package org.openmaap.card.validation;

/** A JSON pointer (RFC 6901) built one token at a time; its text is made only when needed. */
final class Pointer {

  static final Pointer ROOT = new Pointer(null, null);

  private final Pointer parent;
  private final String token;

  private Pointer(Pointer parent, String token) {
    this.parent = parent;
    this.token = token;
  }

  Pointer field(String name) {
    return new Pointer(this, name);
  }

  Pointer index(int i) {
    return new Pointer(this, Integer.toString(i));
  }

  /** The last token: the member name this pointer ends at, or "document" at the root. */
  String name() {
    return token == null ? "document" : token;
  }

  /** The name of the member holding this one, for messages about array items. */
  String parentName() {
    return parent == null ? "document" : parent.name();
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "";
    }
    return parent + "/" + token.replace("~", "~0").replace("/", "~1");
  }
}
