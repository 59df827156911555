package org.openmaap.card.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;

/** Hostile XML is refused before anything is expanded, read from disk or fetched. */
class HostileXmlTest {

  private static final String FT_HTTP_BODY =
      "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\">"
      + "<file-info type=\"file\"><file-size>1</file-size><file-name>&x;</file-name>"
      + "<content-type>text/plain</content-type>"
      + "<data url=\"https://files.example.com/f/x.txt\" until=\"2026-12-03T12:00:00Z\"/>"
      + "</file-info></file>";

  @TempDir
  Path dir;

  static Stream<Arguments> readers() {
    return Stream.of(
        Arguments.of("FtHttp", (Consumer<byte[]>) FtHttp::read),
        Arguments.of("PushLocation", (Consumer<byte[]>) PushLocation::read));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void read_billionLaughs_refusedForItsDoctypeAtOnce(String name, Consumer<byte[]> reader) {
    byte[] xml = Fixtures.bytes("network/hostile-billion-laughs.xml");

    assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
        assertThatThrownBy(() -> reader.accept(xml))
            .isInstanceOf(NetworkFormatException.class)
            .hasMessage("refused: the document has a DOCTYPE declaration at line 2, column 10; "
                + "DTDs and entities are never processed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readers")
  void read_xxeFixture_refusedForItsDoctype(String name, Consumer<byte[]> reader) {
    byte[] xml = Fixtures.bytes("network/hostile-xxe.xml");

    assertThatThrownBy(() -> reader.accept(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("refused: the document has a DOCTYPE declaration")
        .hasMessageNotContaining("root:");
  }

  @Test
  void read_doctypeUnderAFrenchDefaultLocale_refusedWithTheSameEnglishMessage() {
    byte[] xml = Fixtures.bytes("network/hostile-billion-laughs.xml");
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.FRENCH);
    Throwable thrown;
    try {
      thrown = catchThrowable(() -> FtHttp.read(xml));
    } finally {
      Locale.setDefault(before);
    }

    assertThat(thrown).isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("refused: the document has a DOCTYPE declaration");
  }

  @Test
  void read_xxeAimedAtALocalFile_neverReadsTheFile() throws IOException {
    String marker = "secret-" + UUID.randomUUID();
    Path secret = Files.writeString(dir.resolve("secret.txt"), marker);
    String xml = Fixtures.text("network/hostile-xxe.xml")
        .replace("file:///etc/passwd", secret.toUri().toString());
    assertThat(xml).contains(secret.toUri().toString());

    Captured captured = captureStandardStreams(() -> FtHttp.read(xml));

    assertThat(captured.thrown).isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("refused: the document has a DOCTYPE declaration");
    assertThat(describe(captured.thrown)).doesNotContain(marker);
    assertThat(captured.output).doesNotContain(marker).doesNotContain("[Fatal Error]");
  }

  @Test
  void read_externalDtdAndParameterEntityOverHttp_neverConnect() throws Exception {
    try (FakeServer server = new FakeServer()) {
      String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE file SYSTEM \"" + server.url("a.dtd")
          + "\">\n" + FT_HTTP_BODY;
      String parameterEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE file [<!ENTITY % p SYSTEM \""
          + server.url("p.dtd") + "\"> %p;]>\n" + FT_HTTP_BODY;

      for (String xml : new String[] {dtd, parameterEntity}) {
        assertThatThrownBy(() -> FtHttp.read(xml))
            .isInstanceOf(NetworkFormatException.class)
            .hasMessageStartingWith("refused: the document has a DOCTYPE declaration")
            .hasMessageNotContaining(server.marker);
        assertThatThrownBy(() -> PushLocation.read(xml))
            .hasMessageStartingWith("refused: the document has a DOCTYPE declaration");
      }

      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void read_xinclude_isNotProcessed() throws IOException {
    String marker = "included-" + UUID.randomUUID();
    Path secret = Files.writeString(dir.resolve("included.txt"), marker);
    String xml = Fixtures.text("network/ft-http.xml").replace(
        "<file-info type=\"file\">",
        "<file-info type=\"file\"><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
            + secret.toUri() + "\" parse=\"text\"/>");

    FtHttp descriptor = FtHttp.read(xml);

    assertThat(descriptor.toString()).doesNotContain(marker);
    assertThat(descriptor.write()).doesNotContain(marker).doesNotContain("include");
  }

  @Test
  void read_undeclaredEntity_refusedAsNotWellFormed() {
    String xml = "<?xml version=\"1.0\"?>\n" + FT_HTTP_BODY;

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageContaining("not well-formed XML at line 2")
        .hasMessageContaining("\"x\" was referenced, but not declared");
  }

  @Test
  void read_documentOverTheSizeLimit_refusedWithoutParsing() {
    byte[] xml = new byte[Xml.MAX_DOCUMENT_BYTES + 1];
    java.util.Arrays.fill(xml, (byte) '<');

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("the document has 65537 bytes; the limit is 65536");
    assertThatThrownBy(() -> PushLocation.read(new String(xml, StandardCharsets.US_ASCII)))
        .hasMessage("the document has 65537 characters; the limit is 65536");
  }

  @Test
  void read_elementsNestedDeeperThanTheLimit_refused() {
    String xml = "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\">" + "<a>".repeat(1000)
        + "</a>".repeat(1000) + "</file>";

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageContaining("exceeds the limit \"32\" set by \"maxElementDepth\"");
  }

  @Test
  void read_xml11Declaration_refused() {
    String xml = "<?xml version=\"1.1\"?>\n" + FT_HTTP_BODY.replace("&x;", "a&#1;b");

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("the document is XML 1.1; only XML 1.0 is accepted");
  }

  @Test
  void read_notXmlAtAll_refusedNamingThePlace() {
    assertThatThrownBy(() -> FtHttp.read("geo:31.2304,121.4737"))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("not well-formed XML at line 1, column 1: ");
  }

  private static String describe(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }

  private record Captured(Throwable thrown, String output) {}

  /** Runs {@code action} with System.out and System.err captured, for parsers that print. */
  private static Captured captureStandardStreams(Runnable action) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
    Throwable thrown = null;
    System.setOut(both);
    System.setErr(both);
    try {
      action.run();
    } catch (RuntimeException e) {
      thrown = e;
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    return new Captured(thrown, captured.toString(StandardCharsets.UTF_8));
  }

  /** A loopback HTTP server that answers anything with a marker and counts who asked. */
  private static final class FakeServer implements AutoCloseable {
    final String marker = "fetched-" + UUID.randomUUID();
    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    FakeServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::serve, "fake-dtd-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + socket.getLocalPort() + "/" + path;
    }

    int connections() {
      return connections.get();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (Socket client = socket.accept()) {
          connections.incrementAndGet();
          OutputStream out = client.getOutputStream();
          byte[] body = ("<!ENTITY x \"" + marker + "\">").getBytes(StandardCharsets.UTF_8);
          out.write(("HTTP/1.0 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.write(body);
        } catch (IOException closed) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      try {
        acceptor.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
