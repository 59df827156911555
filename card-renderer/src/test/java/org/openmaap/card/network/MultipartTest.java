package org.openmaap.card.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartTest {

  @Test
  void boundary_isReadQuotedOrBare() {
    assertThat(Multipart.boundary("multipart/mixed; boundary=\"next\"")).isEqualTo("next");
    assertThat(Multipart.boundary("multipart/mixed;boundary=next")).isEqualTo("next");
    assertThat(Multipart.boundary("Multipart/Mixed; charset=utf-8; BOUNDARY=a1")).isEqualTo("a1");
    assertThat(Multipart.boundary("multipart/mixed")).isNull();
  }

  @Test
  void read_withCrlfAWrongContentLengthAndAPreamble_keepsEachBodyExactly() {
    String body = "preamble to ignore\r\n"
        + "--next\r\n"
        + "Content-Type: text/plain\r\n"
        + "Content-Length: [content length]\r\n"
        + "\r\n"
        + "line one\r\nline two\r\n"
        + "--next\r\n"
        + "content-type: application/vnd.gsma.botsuggestion.v1.0+json\r\n"
        + "\r\n"
        + "{\"suggestions\": []}\r\n"
        + "--next--\r\n"
        + "epilogue";

    List<Multipart.Part> parts = Multipart.read("next", bytes(body)).parts();

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).type()).isEqualTo("text/plain");
    assertThat(parts.get(0).text()).isEqualTo("line one\r\nline two");
    assertThat(parts.get(0).header("content-length")).isEqualTo("[content length]");
    assertThat(parts.get(1).type()).isEqualTo("application/vnd.gsma.botsuggestion.v1.0+json");
    assertThat(parts.get(1).text()).isEqualTo("{\"suggestions\": []}");
  }

  @Test
  void read_withoutACloseDelimiterOrHeaders_isTextPlainToTheEnd() {
    List<Multipart.Part> parts = Multipart.read("b", bytes("--b\n\nhello\n--b\nno header line\n"))
        .parts();

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).contentType()).isEqualTo("text/plain");
    assertThat(parts.get(0).text()).isEqualTo("hello");
    assertThat(parts.get(1).text()).isEqualTo("no header line");
  }

  @Test
  void read_withoutAnyDelimiter_isNoPart_andADelimiterInsideALineIsContent() {
    assertThat(Multipart.read("next", bytes("just text")).parts()).isEmpty();
    List<Multipart.Part> parts = Multipart.read("b", bytes("--b\n\nsee --b here\n--b--\n"))
        .parts();

    assertThat(parts).hasSize(1);
    assertThat(parts.get(0).text()).isEqualTo("see --b here");
  }

  @Test
  void write_thenRead_keepsEachPartsTypeAndBytes() {
    byte[] binary = {0, (byte) 0xFF, '\r', '\n', '-', '-', 'x'};
    Multipart written = new Multipart("next", List.of(
        new Multipart.Part("application/vnd.gsma.botmessage.v1.0+json",
            bytes("{\"message\":{}}")),
        new Multipart.Part("application/octet-stream", binary)));

    byte[] wire = written.write();
    Multipart read = Multipart.read(Multipart.boundary(written.contentType()), wire);

    assertThat(new String(wire, StandardCharsets.ISO_8859_1))
        .startsWith("--next\r\nContent-Type: application/vnd.gsma.botmessage.v1.0+json\r\n"
            + "Content-Length: 14\r\n\r\n{\"message\":{}}\r\n--next\r\n")
        .endsWith("\r\n--next--\r\n");
    assertThat(read.parts()).hasSize(2);
    assertThat(read.parts().get(0).contentType())
        .isEqualTo("application/vnd.gsma.botmessage.v1.0+json");
    assertThat(read.parts().get(0).text()).isEqualTo("{\"message\":{}}");
    assertThat(read.parts().get(1).content()).isEqualTo(binary);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
