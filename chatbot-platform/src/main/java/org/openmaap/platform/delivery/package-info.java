/**
 * Messages between chatbots and users: accepting a chatbot's message durably, delivering it to the
 * user's device now or when it reconnects, statuses and their reports, and the user's messages to
 * chatbots.
 */
package org.openmaap.platform.delivery;
