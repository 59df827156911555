package org.openmaap.platform.botinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** How {@code GET /bot} reads a client's id and its If-None-Match. */
class BotUriAndEtagTest {

  @Test
  void botId_isTheUserPartOfASipUri_orTheBareBotId() {
    assertThat(BotUri.botId("sip:coffee@botplatform.local")).contains("coffee");
    assertThat(BotUri.botId("SIP:coffee@other.example;transport=tcp")).contains("coffee");
    assertThat(BotUri.botId(" <sips:coffee@botplatform.local> ")).contains("coffee");
    assertThat(BotUri.botId("coffee")).contains("coffee");
  }

  @Test
  void botId_ofAnythingElse_isEmpty() {
    assertThat(BotUri.botId(null)).isEmpty();
    assertThat(BotUri.botId("")).isEmpty();
    assertThat(BotUri.botId("sip:botplatform.local")).isEmpty();
    assertThat(BotUri.botId("sip:@botplatform.local")).isEmpty();
    assertThat(BotUri.botId("tel:+8613800000000")).isEmpty();
    assertThat(BotUri.botId("sip:Coffee Shop@botplatform.local")).isEmpty();
    assertThat(BotUri.botId("../admin")).isEmpty();
  }

  @Test
  void etag_isStrong_andFollowsTheBytes() {
    String one = BotInfoEndpoint.etag(Buffer.buffer("{\"a\":1}"));

    assertThat(one).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(BotInfoEndpoint.etag(Buffer.buffer("{\"a\":1}"))).isEqualTo(one);
    assertThat(BotInfoEndpoint.etag(Buffer.buffer("{\"a\":2}"))).isNotEqualTo(one);
  }

  @Test
  void ifNoneMatch_matchesTheTag_inAList_weakly_orStar() {
    String etag = "\"abc\"";

    assertThat(BotInfoEndpoint.matches("\"abc\"", etag)).isTrue();
    assertThat(BotInfoEndpoint.matches("\"x\", W/\"abc\"", etag)).isTrue();
    assertThat(BotInfoEndpoint.matches("*", etag)).isTrue();
    assertThat(BotInfoEndpoint.matches("\"abd\"", etag)).isFalse();
    assertThat(BotInfoEndpoint.matches("abc", etag)).isFalse();
    assertThat(BotInfoEndpoint.matches(null, etag)).isFalse();
  }
}
