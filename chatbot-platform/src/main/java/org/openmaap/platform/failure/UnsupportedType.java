package org.openmaap.platform.failure;

/** A file whose content type the platform does not keep, or whose bytes contradict its type. */
public final class UnsupportedType extends Refusal {

  public UnsupportedType(String message) {
    super(message);
  }
}
