package org.openmaap.card.model;

/** An audio message: a link to the clip, its type, size and optional length in seconds. */
public record AudioMessage(String fileUrl, String fileMIMEType, Long fileSize, Long playingLength) {}
