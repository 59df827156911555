/**
 * The network forms of file and location content: the FT-HTTP file descriptor, the geolocation
 * push PIDF-LO document and the RFC 5870 {@code geo:} URI, read into and written from the model.
 *
 * <p>{@link org.openmaap.card.network.FtHttp}, {@link org.openmaap.card.network.PushLocation} and
 * {@link org.openmaap.card.network.GeoUri} are the entry points; each refuses bad input with a
 * {@link org.openmaap.card.network.NetworkFormatException}. XML is parsed by the JDK's parser with
 * DOCTYPE declarations refused, so no entity is ever expanded and nothing is ever fetched.
 * {@link org.openmaap.card.network.Multipart} reads and writes the {@code multipart/mixed} bodies
 * that carry a card or text with its chips (a CMCC bodyText, a SIP MESSAGE's CPIM content).
 */
package org.openmaap.card.network;
