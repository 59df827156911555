package org.openmaap.card.model;

/** {@code {"message": ...}}: a rich card or a carousel (application/vnd.gsma.botmessage.v1.0+json). */
public record Botmessage(CardMessage message) implements Document {}
