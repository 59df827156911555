package org.openmaap.platform.store;

import java.time.Instant;

/**
 * How many of a bot's messages were created in one UTC hour, by what became of them: bot-to-user
 * messages ({@code sent}) by the channel they are on, by status ({@code delivered} counts
 * delivered, displayed and deliveredAsSms; {@code deliveredRcs} the first two on RCS), and
 * user-to-bot messages ({@code received}), of which {@code responses} answer the bot: a tapped
 * suggestion (suggestedResponse content) or a message in reply to one of its contributions.
 */
public record HourCounts(
    String botId,
    Instant hour,
    long sent,
    long rcs,
    long sms,
    long pending,
    long delivered,
    long deliveredRcs,
    long displayed,
    long failed,
    long received,
    long responses) {}
