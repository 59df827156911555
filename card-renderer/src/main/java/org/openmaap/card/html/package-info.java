/**
 * HTML rendering of rich content, as a phone shows it: {@link org.openmaap.card.html.HtmlPreview}.
 *
 * <p>Output is a pure function of the model. Every string goes through {@code Html} (escaping, bidi
 * controls dropped from visible text) and every URL through {@code Urls} (http, https, tel, sms,
 * geo and mailto only); nothing else writes user data into markup.
 */
package org.openmaap.card.html;
