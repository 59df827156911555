package org.openmaap.card.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.FileMessage;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Violation;
import org.w3c.dom.Element;

class FtHttpTest {

  private static final String EXAMPLE = Fixtures.text("network/ft-http.xml");
  private static final String UNTIL = "2026-12-03T12:00:00Z";

  @Test
  void read_example_givesTheFileMessageAndItsValidity() {
    FtHttp descriptor = FtHttp.read(Fixtures.bytes("network/ft-http.xml"));

    assertThat(descriptor.file()).isEqualTo(new FileMessage(
        "https://files.example.com/f/9f2c1e.jpg", "parcel-photo.jpg", "image/jpeg", 183524L,
        "https://files.example.com/t/9f2c1e.jpg", "image/jpeg", 7427L));
    assertThat(descriptor.until()).isEqualTo(UNTIL);
    assertThat(descriptor.thumbnailUntil()).isEqualTo(UNTIL);
  }

  @Test
  void write_example_givesBackTheDocument() {
    FtHttp descriptor = FtHttp.read(EXAMPLE);

    String written = descriptor.write();

    assertThat(written).isEqualTo(EXAMPLE);
  }

  @Test
  void write_example_readsBackAsTheSameModelInTheFtHttpNamespace() {
    FtHttp descriptor = FtHttp.read(EXAMPLE);

    String written = descriptor.write();

    assertThat(FtHttp.read(written)).isEqualTo(descriptor);
    Element root = XmlAssertions.wellFormed(written);
    assertThat(XmlAssertions.namespacesOfElements(root)).containsOnly(FtHttp.NS);
    assertThat(root.getLocalName()).isEqualTo("file");
  }

  @Test
  void read_fileWithoutThumbnail_hasNoThumbnailMembers() {
    String xml = withoutThumbnail(EXAMPLE);

    FtHttp descriptor = FtHttp.read(xml);

    assertThat(descriptor.file()).isEqualTo(new FileMessage(
        "https://files.example.com/f/9f2c1e.jpg", "parcel-photo.jpg", "image/jpeg", 183524L,
        null, null, null));
    assertThat(descriptor.thumbnailUntil()).isNull();
    assertThat(descriptor.write()).isEqualTo(xml);
  }

  @Test
  void read_utf16Document_isDecodedFromItsDeclaration() {
    byte[] xml = EXAMPLE.replace("UTF-8", "UTF-16").replace("parcel-photo", "包裹照片")
        .getBytes(StandardCharsets.UTF_16);

    FtHttp descriptor = FtHttp.read(xml);

    assertThat(descriptor.file().fileName()).isEqualTo("包裹照片.jpg");
  }

  @Test
  void read_extensionsTheModelHasNoRoomFor_areIgnored() {
    String xml = EXAMPLE
        .replace("<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\">",
            "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\""
                + " xmlns:am=\"urn:gsma:params:xml:ns:rcs:rcs:rram\""
                + " xmlns:e=\"urn:gsma:params:xml:ns:rcs:rcs:up:fthttpext\">")
        .replace("<file-info type=\"file\">",
            "<file-info type=\"file\" file-disposition=\"render\"><am:playing-length>4046"
                + "</am:playing-length><e:branded-url>https://x.example</e:branded-url>")
        .replace("</file>", "<file-exist>1</file-exist></file>");

    FtHttp descriptor = FtHttp.read(xml);

    assertThat(descriptor).isEqualTo(FtHttp.read(EXAMPLE));
  }

  @Test
  void read_valuesWithSurroundingWhitespace_keepTheFileNameExactlyAndTrimTheRest() {
    String xml = EXAMPLE
        .replace("<file-size>183524</file-size>", "<file-size>\n  183524\n</file-size>")
        .replace("<content-type>image/jpeg</content-type>\n    <data url=\"https://files.example"
                + ".com/f/", "<content-type> image/jpeg </content-type>\n    <data url=\" https://"
                + "files.example.com/f/")
        .replace("parcel-photo.jpg", " parcel &amp; photo &lt;1&gt;.jpg ");

    FtHttp descriptor = FtHttp.read(xml);

    assertThat(descriptor.file().fileSize()).isEqualTo(183524L);
    assertThat(descriptor.file().fileMIMEType()).isEqualTo("image/jpeg");
    assertThat(descriptor.file().fileUrl()).isEqualTo("https://files.example.com/f/9f2c1e.jpg");
    assertThat(descriptor.file().fileName()).isEqualTo(" parcel & photo <1>.jpg ");
  }

  @Test
  void read_dataWithoutUrl_refused() {
    String xml = EXAMPLE.replace("<data url=\"https://files.example.com/f/9f2c1e.jpg\"", "<data");

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("file-info of type file has no data url");
  }

  @Test
  void read_dataWithoutUntil_refused() {
    String xml = EXAMPLE.replace(
        "9f2c1e.jpg\" until=\"2026-12-03T12:00:00Z\"/>\n  </file-info>\n</file>",
        "9f2c1e.jpg\"/>\n  </file-info>\n</file>");

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessageStartingWith("file-info of type file has no data until");
  }

  @Test
  void read_untilThatIsNotADateTime_refused() {
    String xml = EXAMPLE.replace("until=\"2026-12-03T12:00:00Z\"/>\n  </file-info>\n  <file-info",
        "until=\"tomorrow\"/>\n  </file-info>\n  <file-info");

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("file-info of type thumbnail, data until must be an ISO-8601 date-time with an "
            + "offset, such as 2026-12-01T08:00:00Z; got 'tomorrow'");
  }

  @Test
  void read_noFileInfoOfTypeFile_refused() {
    String xml = EXAMPLE.replace("type=\"file\"", "type=\"thumbnail\"");

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("the FT-HTTP descriptor has two file-info elements of type thumbnail");
    assertThatThrownBy(() -> FtHttp.read(EXAMPLE.replace("type=\"file\"", "type=\"other\"")))
        .hasMessage("a file-info has type 'other'; expected file or thumbnail");
    assertThatThrownBy(() -> FtHttp.read(withoutThumbnail(EXAMPLE).replace(" type=\"file\"", "")))
        .hasMessage("a file-info has no type; expected file or thumbnail");
    assertThatThrownBy(() -> FtHttp.read(
            "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\"/>"))
        .hasMessage("the FT-HTTP descriptor has no file-info of type file");
  }

  @Test
  void read_missingOrRepeatedElements_refusedNamingThem() {
    assertThatThrownBy(() -> FtHttp.read(
            EXAMPLE.replace("<file-size>183524</file-size>", "")))
        .hasMessage("file-info of type file has no file-size");
    assertThatThrownBy(() -> FtHttp.read(
            EXAMPLE.replace("<file-name>", "<file-name>a</file-name><file-name>")))
        .hasMessage("file-info of type file has 2 file-name elements; expected at most one");
    assertThatThrownBy(() -> FtHttp.read(
            EXAMPLE.replace("<file-name>parcel-photo.jpg", "<file-name>parcel<b/>photo.jpg")))
        .hasMessageStartingWith("file-info of type file, file-name must hold text only");
  }

  @Test
  void read_fileSizeThatIsNotAWholeNumber_refused() {
    assertThatThrownBy(() -> FtHttp.read(EXAMPLE.replace("183524", "1.5e5")))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("file-info of type file, file-size must be a whole number of bytes; "
            + "got '1.5e5'");
    assertThatThrownBy(() -> FtHttp.read(EXAMPLE.replace("183524", "-1")))
        .hasMessage("file-info of type file, file-size must be a whole number of bytes; got '-1'");
    assertThatThrownBy(() -> FtHttp.read(EXAMPLE.replace("183524", "99999999999999999999")))
        .hasMessage("file-info of type file, file-size of 99999999999999999999 bytes is too large");
  }

  @Test
  void read_wrongRootOrNamespace_refused() {
    assertThatThrownBy(() -> FtHttp.read(EXAMPLE.replace("rcs:rcs:fthttp", "rcs:rcs:other")))
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("not an FT-HTTP file descriptor: the root element is file in namespace "
            + "urn:gsma:params:xml:ns:rcs:rcs:other; expected file in namespace "
            + "urn:gsma:params:xml:ns:rcs:rcs:fthttp");
    assertThatThrownBy(() -> FtHttp.read(Fixtures.text("network/pushlocation.xml")))
        .hasMessageStartingWith("not an FT-HTTP file descriptor: the root element is rcsenvelope");
  }

  @Test
  void read_valuesTheValidatorRefuses_refusedWithItsViolations() {
    String xml = EXAMPLE
        .replace("https://files.example.com/f/9f2c1e.jpg", "ftp://files.example.com/f/9f2c1e.jpg")
        .replace("<file-size>7427</file-size>\n    <content-type>image/jpeg",
            "<file-size>7427</file-size>\n    <content-type>application/pdf");

    assertThatThrownBy(() -> FtHttp.read(xml))
        .isInstanceOfSatisfying(NetworkFormatException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path, Violation::code)
              .containsExactlyInAnyOrder(
                  tuple("/fileUrl", Code.BAD_URL),
                  tuple("/thumbnailMIMEType", Code.BAD_VALUE));
          assertThat(e.getMessage())
              .contains("file-info of type file, data url: fileUrl must be an absolute http or "
                  + "https URL; got 'ftp://files.example.com/f/9f2c1e.jpg'")
              .contains("file-info of type thumbnail, content-type: thumbnailMIMEType");
        });
  }

  @Test
  void read_zeroByteFile_refusedAsTheValidatorWould() {
    assertThatThrownBy(() -> FtHttp.read(EXAMPLE.replace("183524", "0")))
        .isInstanceOfSatisfying(NetworkFormatException.class, e ->
            assertThat(e.violations()).extracting(Violation::path).containsExactly("/fileSize"))
        .hasMessageStartingWith("file-info of type file, file-size: fileSize");
  }

  @Test
  void write_nameWithMarkupQuotesAndLineEnds_readsBackExactly() {
    FileMessage file = new FileMessage("https://files.example.com/f/1?a=1&b='2'",
        "\t<a> & \"b\" ]]> \r\n c\r", "application/pdf", 10L, null, null, null);
    FtHttp descriptor = new FtHttp(file, "2026-12-03T12:00:00+08:00");

    String written = descriptor.write();

    assertThat(written).contains("&lt;a&gt; &amp; \"b\" ]]&gt; &#13;\n c&#13;")
        .contains("url=\"https://files.example.com/f/1?a=1&amp;b='2'\"");
    assertThat(FtHttp.read(written)).isEqualTo(descriptor);
  }

  @Test
  void write_characterXmlCannotCarry_refused() {
    FileMessage file = new FileMessage("https://files.example.com/f/1", "a\u0001b",
        "application/pdf", 10L, null, null, null);

    assertThatThrownBy(() -> new FtHttp(file, UNTIL).write())
        .isInstanceOf(NetworkFormatException.class)
        .hasMessage("cannot write file-name: it has U+0001, which XML 1.0 cannot carry");
    FileMessage surrogate = new FileMessage("https://files.example.com/f/1", "a\ud83cb",
        "application/pdf", 10L, null, null, null);
    assertThatThrownBy(() -> new FtHttp(surrogate, UNTIL).write())
        .hasMessage("cannot write file-name: it has U+D83C, which XML 1.0 cannot carry");
  }

  @Test
  void constructor_withOneValidity_keepsTheThumbnailAsLongAsTheFile() {
    FtHttp example = FtHttp.read(EXAMPLE);

    FtHttp descriptor = new FtHttp(example.file(), UNTIL);

    assertThat(descriptor).isEqualTo(example);
  }

  @Test
  void write_validityMissingOrWithoutAThumbnail_refused() {
    FileMessage file = FtHttp.read(EXAMPLE).file();
    FileMessage noThumbnail = FtHttp.read(withoutThumbnail(EXAMPLE)).file();

    assertThatThrownBy(() -> new FtHttp(file, null, UNTIL).write())
        .hasMessageStartingWith("file-info of type file has no data until");
    assertThatThrownBy(() -> new FtHttp(file, UNTIL, null).write())
        .hasMessageStartingWith("file-info of type thumbnail has no data until");
    assertThatThrownBy(() -> new FtHttp(noThumbnail, UNTIL, UNTIL).write())
        .hasMessage("thumbnailUntil is given but the file message has no thumbnail");
    assertThatThrownBy(() -> new FtHttp(null, UNTIL).write())
        .hasMessage("an FT-HTTP descriptor needs a file message");
  }

  @Test
  void write_fileMessageTheValidatorRefuses_refusedWithItsViolations() {
    FileMessage file = new FileMessage(null, "", "pdf", 10L, "https://t.example/1", null, null);

    assertThatThrownBy(() -> new FtHttp(file, UNTIL).write())
        .isInstanceOfSatisfying(NetworkFormatException.class, e ->
            assertThat(e.violations()).extracting(Violation::path, Violation::code)
                .containsExactlyInAnyOrder(
                    tuple("/fileUrl", Code.REQUIRED),
                    tuple("/fileName", Code.TOO_SHORT),
                    tuple("/fileMIMEType", Code.BAD_VALUE),
                    tuple("/thumbnailMIMEType", Code.REQUIRED),
                    tuple("/thumbnailFileSize", Code.REQUIRED)));
  }

  private static String withoutThumbnail(String xml) {
    return xml.replaceAll("(?s)  <file-info type=\"thumbnail\">.*?</file-info>\n", "");
  }
}
