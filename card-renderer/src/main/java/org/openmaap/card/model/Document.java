package org.openmaap.card.model;

/** One of the top-level documents card-renderer reads (see CARDS.md, "The JSON it reads"). */
public sealed interface Document
    permits SendRequest, Botmessage, SuggestedChipList, SuggestionResponse, SharedClientData {}
