package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The RCSMessage member: exactly one content member plus delivery options (API.md). */
public record RcsMessage(
    String msgId,
    String textMessage,
    FileMessage fileMessage,
    AudioMessage audioMessage,
    GeolocationPushMessage geolocationPushMessage,
    Botmessage richcardMessage,
    @JsonProperty("isTyping") TypingState isTyping,
    SuggestionResponse suggestedResponse,
    SuggestedChipList suggestedChipList,
    TrafficType trafficType,
    String inReplyToContributionId,
    String expiry,
    Boolean shortMessageSupported,
    String smsBodyText,
    Boolean storeSupported,
    String timestamp) {

  /** A typing indicator's state. */
  public enum TypingState {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("idle") IDLE
  }

  /** The GSMA traffic types a chatbot may declare. */
  public enum TrafficType {
    @JsonProperty("advertisement") ADVERTISEMENT,
    @JsonProperty("payment") PAYMENT,
    @JsonProperty("premium") PREMIUM,
    @JsonProperty("subscription") SUBSCRIPTION,
    @JsonProperty("token") TOKEN
  }

  /** A text message with nothing else set, the simplest thing a chatbot sends. */
  public static RcsMessage text(String text) {
    return new RcsMessage(null, text, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null);
  }

  /** The chip list that accompanies the content, or an empty list. */
  @JsonIgnore
  public List<Suggestion> chips() {
    return suggestedChipList == null ? List.of() : suggestedChipList.suggestions();
  }
}
