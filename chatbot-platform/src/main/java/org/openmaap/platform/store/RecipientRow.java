package org.openmaap.platform.store;

/**
 * One unique recipient of a campaign, {@code seq} its place in the list, with the variables that
 * fill the campaign's placeholders and its {@code state} (pending, sent, failed with a reason,
 * cancelled or skipped_opted_out).
 */
public record RecipientRow(
    String campaignId,
    int seq,
    String userContact,
    String varsJson,
    String state,
    String reason) {

  /** This recipient in another state. */
  public RecipientRow to(String newState, String newReason) {
    return new RecipientRow(campaignId, seq, userContact, varsJson, newState, newReason);
  }
}
