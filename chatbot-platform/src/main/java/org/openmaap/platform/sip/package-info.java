/**
 * The SIP southbound (SIP.md): real RCS clients over SIP on UDP and TCP, a second device link
 * into the delivery core beside the WebSocket gateway. Phones REGISTER and query chatbots with
 * OPTIONS; messages go both ways as pager-mode MESSAGE in CPIM, with IMDN and isComposing. The
 * edge renders the wire formats; the delivery core knows nothing of SIP.
 *
 * <p>{@link org.openmaap.platform.sip.SipInterface} is the entry point, configured by
 * {@link org.openmaap.platform.sip.SipSettings}; JAIN-SIP's blocking calls run on its own
 * threads and a worker pool, never on an event loop.
 */
package org.openmaap.platform.sip;
