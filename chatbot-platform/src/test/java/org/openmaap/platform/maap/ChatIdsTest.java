package org.openmaap.platform.maap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatIdsTest {

  private static final String SECRET = "00112233445566778899aabbccddeeff"
      + "00112233445566778899aabbccddeeff";
  private final ChatIds chatIds = new ChatIds(SECRET);

  @Test
  void of_sameUserAndBot_isStableAndReadsBack() {
    String chatId = chatIds.of("coffee", "+8613800000000");

    assertThat(new ChatIds(SECRET).of("coffee", "+8613800000000")).isEqualTo(chatId);
    assertThat(chatId).doesNotContain("8613800000000").matches("[A-Za-z0-9_-]+");
    assertThat(chatIds.user("coffee", chatId)).contains("+8613800000000");
  }

  @Test
  void of_otherBotOrOtherUser_differs() {
    String chatId = chatIds.of("coffee", "+8613800000000");

    assertThat(chatIds.of("tea", "+8613800000000")).isNotEqualTo(chatId);
    assertThat(chatIds.of("coffee", "+8613800000001")).isNotEqualTo(chatId);
  }

  @Test
  void user_ofAnotherBotsChatIdOrATamperedOne_isEmpty() {
    String chatId = chatIds.of("coffee", "+8613800000000");
    char last = chatId.charAt(chatId.length() - 1);
    String tampered = chatId.substring(0, chatId.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThat(chatIds.user("tea", chatId)).isEmpty();
    assertThat(chatIds.user("coffee", tampered)).isEmpty();
    assertThat(chatIds.user("coffee", "not base64!")).isEmpty();
    assertThat(chatIds.user("coffee", "")).isEmpty();
    assertThat(new ChatIds(SECRET.replace('0', '1')).user("coffee", chatId)).isEmpty();
  }

  @Test
  void new_shortSecret_isRefused() {
    assertThatThrownBy(() -> new ChatIds("0011"))
        .hasMessage("the chatId secret must have at least 32 bytes; it has 2");
  }
}
