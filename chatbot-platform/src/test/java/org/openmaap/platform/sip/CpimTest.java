package org.openmaap.platform.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openmaap.card.network.Multipart;

class CpimTest {

  @Test
  void parse_linefeedsOnly_andAnotherPrefix_findsTheImdnHeaderByItsNamespace() {
    Cpim cpim = Cpim.parse(bytes("From: <sip:+8613800000000@ims.example>\n"
        + "NS: rcs <urn:ietf:params:imdn>\n"
        + "rcs.Message-ID: abc\n\n"
        + "Content-Type: text/plain\n\n"
        + "Hi"));

    assertThat(cpim.header(Cpim.IMDN_NS, "Message-ID")).contains("abc");
    assertThat(cpim.header(null, "From")).contains("<sip:+8613800000000@ims.example>");
    assertThat(cpim.contentType()).isEqualTo("text/plain");
    assertThat(cpim.content()).asString().isEqualTo("Hi");
  }

  @Test
  void write_thenParse_givesTheSameHeadersAndContent() {
    Cpim written = new Cpim(List.of(new Cpim.Header("From", "<sip:bot@test.local>"),
        new Cpim.Header("NS", "imdn <urn:ietf:params:imdn>"),
        new Cpim.Header("imdn.Message-ID", "m-1")), "text/plain;charset=UTF-8",
        bytes("Grüße\r\n"));

    Cpim read = Cpim.parse(written.write());

    assertThat(read.headers()).isEqualTo(written.headers());
    assertThat(read.contentType()).isEqualTo(written.contentType());
    assertThat(read.content()).isEqualTo(written.content());
  }

  @Test
  void parse_contentLengthBeyondTheBody_isRefusedWith400() {
    assertThatThrownBy(() -> Cpim.parse(bytes("From: <sip:a@b>\r\n\r\n"
        + "Content-Type: text/plain\r\nContent-Length: 99\r\n\r\nshort")))
        .isInstanceOfSatisfying(Refused.class, refused -> assertThat(refused.status())
            .isEqualTo(400))
        .hasMessageContaining("Content-Length '99'");
  }

  @Test
  void multipart_asBotContentWritesIt_readsBackEachPart() {
    Multipart written = new Multipart("next", List.of(
        new Multipart.Part(MediaType.BOT_MESSAGE, bytes("{\"message\":{}}")),
        new Multipart.Part(MediaType.BOT_SUGGESTION, bytes("{\"suggestions\":[]}"))));

    Multipart read = Multipart.read(Multipart.boundary(written.contentType()), written.write());

    assertThat(read.parts()).hasSize(2);
    assertThat(read.parts().get(0).contentType()).isEqualTo(MediaType.BOT_MESSAGE);
    assertThat(read.parts().get(0).content()).asString().isEqualTo("{\"message\":{}}");
    assertThat(read.parts().get(1).content()).asString().isEqualTo("{\"suggestions\":[]}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
