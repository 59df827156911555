package org.openmaap.platform.dialect.cmcc;

import static org.assertj.core.api.Assertions.assertThat;

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
  void parts_withCrlfAWrongContentLengthAndAPreamble_keepEachBodyExactly() {
    String body = "preamble to ignore\r\n"
        + "--next\r\n"
        + "Content-Type: text/plain\r\n"
        + "Content-Length: [content length]\r\n"
        + "\r\n"
        + "line one\r\nline two\r\n"
        + "--next\r\n"
        + "Content-Type: application/vnd.gsma.botsuggestion.v1.0+json\r\n"
        + "\r\n"
        + "{\"suggestions\": []}\r\n"
        + "--next--\r\n"
        + "epilogue";

    List<Multipart.Part> parts = Multipart.parts(body, "next");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).type()).isEqualTo("text/plain");
    assertThat(parts.get(0).body()).isEqualTo("line one\nline two");
    assertThat(parts.get(1).type()).isEqualTo("application/vnd.gsma.botsuggestion.v1.0+json");
    assertThat(parts.get(1).body()).isEqualTo("{\"suggestions\": []}");
  }

  @Test
  void parts_withoutACloseDelimiterOrHeaders_areTextPlainToTheEnd() {
    List<Multipart.Part> parts = Multipart.parts("--b\n\nhello\n--b\nno header line\n", "b");

    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).type()).isEqualTo("text/plain");
    assertThat(parts.get(0).body()).isEqualTo("hello");
    assertThat(parts.get(1).body()).isEqualTo("no header line");
  }

  @Test
  void parts_withoutAnyDelimiter_areNone() {
    assertThat(Multipart.parts("just text", "next")).isEmpty();
  }
}
