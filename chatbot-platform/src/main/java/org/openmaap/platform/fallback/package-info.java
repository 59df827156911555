/**
 * SMS fallback (SMS.md): a message RCS cannot deliver goes out as SMS through the SMSC, receipts
 * become statuses, and a user's SMS answers are mapped back to the chatbot.
 */
package org.openmaap.platform.fallback;
