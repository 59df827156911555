/**
 * Outbound webhooks (platform to chatbot): {@link org.openmaap.platform.webhook.WebhookDispatcher}
 * stores each event, signs it ({@link org.openmaap.platform.webhook.WebhookSignature}), and
 * delivers it in order per conversation, retrying with backoff until the retry window ends and
 * keeping what never arrived as dead letters for replay. One bot's failures never delay another.
 */
package org.openmaap.platform.webhook;
