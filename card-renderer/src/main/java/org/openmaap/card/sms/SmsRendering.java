package org.openmaap.card.sms;

import java.util.List;

/**
 * The fallback SMS of a message: its text, the numbered choices an answer maps back to, how it
 * splits into segments, whether descriptions or text were shortened to fit the budget, and whether
 * it still needs more segments than the budget (choices and links are never cut).
 */
public record SmsRendering(
    String text,
    List<SmsChoice> choices,
    Segmentation segmentation,
    boolean shortened,
    boolean overBudget) {

  public SmsRendering {
    choices = List.copyOf(choices);
  }
}
