package org.openmaap.platform.store;

/**
 * What adding a batch of recipients to a campaign did: the campaign as it is after (its status,
 * its counts), how many recipients were added and how many were numbers it had already.
 */
public record RecipientsAdded(CampaignRow campaign, int added, int duplicates) {}
