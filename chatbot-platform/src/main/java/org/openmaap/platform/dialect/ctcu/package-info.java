/**
 * China Telecom / China Unicom's chatbot interface (DIALECTS.md, "CT/CU"): accessToken, sends of
 * a messageList to 1..100 recipients, and the messageNotification / deliveryNotification a
 * chatbot's notify URL gets, signed with its notify token.
 */
package org.openmaap.platform.dialect.ctcu;
