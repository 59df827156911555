package org.openmaap.card.model;

/** The {@code message} member: exactly one of a single card or a carousel. */
public record CardMessage(
    GeneralPurposeCard generalPurposeCard, CardCarousel generalPurposeCardCarousel) {}
