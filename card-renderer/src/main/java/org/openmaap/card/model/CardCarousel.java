package org.openmaap.card.model;

import java.util.List;

/** A horizontally scrolling row of 2 to 12 cards. */
public record CardCarousel(CarouselLayout layout, List<CardContent> content) {}
