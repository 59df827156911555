/**
 * Strict validation of rich content against CARDS.md: every violation, with a JSON pointer, a code
 * and a severity. {@link org.openmaap.card.validation.Validator} is the entry point.
 */
package org.openmaap.card.validation;
