package org.openmaap.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinesTest {

  private final List<String> seen = new ArrayList<>();
  private final Lines lines = new Lines(8, new Lines.Receiver() {
    @Override
    public void line(long number, String text) {
      seen.add(number + ":" + text);
    }

    @Override
    public void tooLong(long number) {
      seen.add(number + ": too long");
    }
  });

  @Test
  void linesCutAnywhere_comeWholeAndNumbered_endingWithLfOrCrlfOrTheBody() {
    byte[] body = "a,b\r\n李,c\n\nlast".getBytes(StandardCharsets.UTF_8);

    // One byte at a time: the cuts fall inside the CRLF and inside the three bytes of 李.
    for (byte b : body) {
      lines.feed(Buffer.buffer(new byte[] {b}));
    }
    lines.end();

    assertThat(seen).containsExactly("1:a,b", "2:李,c", "3:", "4:last");
  }

  @Test
  void aLineOverTheLimit_isReportedTooLong_andTheNextLinesGoOn() {
    lines.feed(Buffer.buffer("12345678\r\n123456"));
    lines.feed(Buffer.buffer("789\nok\n123456789"));
    lines.end();

    assertThat(seen).containsExactly("1:12345678", "2: too long", "3:ok", "4: too long");
  }
}
