package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An RCSMessage body, optionally addressed by {@code messageContact}, as a chatbot sends it. */
public record SendRequest(
    MessageContact messageContact, @JsonProperty("RCSMessage") RcsMessage rcsMessage)
    implements Document {}
