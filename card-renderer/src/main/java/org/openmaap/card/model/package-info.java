/**
 * The GSMA chatbot rich-content model: immutable records that read and write the JSON of CARDS.md.
 *
 * <p>Records hold what a valid document says; {@link org.openmaap.card.validation.Validator} decides
 * what is valid. {@link CardJson} owns the one configured Jackson mapper.
 */
package org.openmaap.card.model;
