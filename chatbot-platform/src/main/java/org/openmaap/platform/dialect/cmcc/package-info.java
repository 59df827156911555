/**
 * China Mobile's chatbot interface (DIALECTS.md, "CMCC"): OMA NetAPI messaging in XML or its JSON
 * binding, with the Date-bound Basic digest; sends of a bodyText (plain or multipart/mixed) to 1..n
 * recipients, revokes, and the InboundMessageNotification / DeliveryInfoNotification a chatbot's
 * notify root gets. Errors are OMA requestErrors with our violations beside them.
 */
package org.openmaap.platform.dialect.cmcc;
