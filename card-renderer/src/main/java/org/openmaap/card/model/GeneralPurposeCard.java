package org.openmaap.card.model;

/** A single rich card. */
public record GeneralPurposeCard(CardLayout layout, CardContent content) {}
