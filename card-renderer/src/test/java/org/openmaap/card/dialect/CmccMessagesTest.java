package org.openmaap.card.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openmaap.card.Fixtures;
import org.openmaap.card.network.Xml;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;

/** CMCC outboundMessageRequests read as GSMA content, violations pointed into the request. */
class CmccMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CARD = "application/vnd.gsma.botmessage.v1.0+json";
  private static final String CHIPS = "application/vnd.gsma.botsuggestion.v1.0+json";
  private static final String IM = "/outboundMessageRequest/outboundIMMessage";
  private static final int LIMIT = 64 * 1024;

  @Test
  void textAndChipsAsMultipartParts_withTheSmsFallback_isTheGsmaMessageItStandsFor() {
    Validation read = validate("multipart/mixed; boundary=\"next\"", cdata("--next\r\n"
        + "Content-Type: text/plain\r\n\r\n"
        + "Shipped\r\n"
        + "--next\r\n"
        + "Content-Type: " + CHIPS + "\r\n"
        + "Content-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getEncoder().encodeToString(("{\"suggestions\": [{\"reply\": {\"displayText\":"
            + " \"Track\", \"postback\": {\"data\": \"track\"}}}]}")
            .getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "--next--\r\n"), "<shortMessageSupported>true</shortMessageSupported>"
        + "<smsBodyText>Shipped. Track: https://t.example/1</smsBodyText>"
        + "<trafficType>notification</trafficType><subject>ignored</subject>");

    assertThat(read.valid()).as("%s", read.violations()).isTrue();
    assertThat(read.tree()).isEqualTo(json("""
        {"RCSMessage": {"textMessage": "Shipped",
          "suggestedChipList": {"suggestions": [{"reply": {"displayText": "Track",
            "postback": {"data": "track"}}}]},
          "shortMessageSupported": true, "smsBodyText": "Shipped. Track: https://t.example/1"}}
        """));
  }

  @Test
  void card_fileDescriptor_pushLocation_andGeoText_becomeTheirGsmaMembers() {
    String card = Fixtures.text("cards/valid/single-card.json");
    String file = "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\">"
        + "<file-info type=\"file\"><file-size>182044</file-size>"
        + "<file-name>menu.pdf</file-name><content-type>application/pdf</content-type>"
        + "<data url=\"https://cdn.example.com/menu.pdf\" until=\"2030-01-01T00:00:00Z\"/>"
        + "</file-info></file>";

    JsonNode cardRead = rcs(validate(CARD, cdata(card), ""));
    JsonNode fileRead = rcs(validate("application/vnd.gsma.rcs-ft-http+xml", cdata(file), ""));
    JsonNode geoRead = rcs(validate("text/plain",
        "geo:31.2304,121.4737;crs=gcj02;u=10;rcs-l=Pick-up%20point", ""));

    assertThat(cardRead.get("richcardMessage")).isEqualTo(json(card));
    assertThat(fileRead.get("fileMessage").get("fileUrl").asText())
        .isEqualTo("https://cdn.example.com/menu.pdf");
    assertThat(fileRead.get("fileMessage").get("fileSize").asLong()).isEqualTo(182044L);
    assertThat(geoRead.get("geolocationPushMessage").get("label").asText())
        .isEqualTo("Pick-up point");
  }

  @Test
  void violations_pointIntoThePartOrElementTheBotSent() {
    JsonNode card = json(Fixtures.text("cards/valid/single-card.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) card.get("message")
        .get("generalPurposeCard").get("content")).put("title", "x".repeat(201));
    Validation longTitle = validate("multipart/mixed;boundary=b1", cdata("--b1\n"
        + "Content-Type: " + CARD + "\n\n" + card + "\n--b1--\n"), "");
    Validation badFlag = validate("text/plain", "hi",
        "<shortMessageSupported>maybe</shortMessageSupported>");
    Validation unknownType = validate("application/json", "{}", "");
    Validation chipsAlone = validate(CHIPS, "{\"suggestions\": []}", "");
    Validation twoContents = validate("multipart/mixed; boundary=x",
        cdata("--x\n\none\n--x\n\ntwo\n--x--\n"), "");

    assertThat(longTitle.errors()).extracting(Violation::path).containsExactly(IM
        + "/bodyText/part[1]/message/generalPurposeCard/content/title");
    assertThat(longTitle.errors().get(0).code()).isEqualTo(Code.TOO_LONG);
    assertThat(badFlag.errors()).extracting(Violation::path)
        .containsExactly(IM + "/shortMessageSupported");
    assertThat(unknownType.errors()).extracting(Violation::path)
        .containsExactly(IM + "/contentType");
    assertThat(chipsAlone.errors()).extracting(Violation::path).containsExactly(IM + "/bodyText");
    assertThat(twoContents.errors()).extracting(Violation::path, Violation::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(IM + "/bodyText/part[2]",
            Code.ONE_OF));
  }

  @Test
  void fallbackSupported_withATextRcsBodyText_isTheSmsFallback() {
    JsonNode read = rcs(validate("text/plain", "Your code is 4711",
        "<fallbackSupported>true</fallbackSupported>"
            + "<fallbackContentType>text/plain</fallbackContentType>"
            + "<rcsBodyText>Code 4711</rcsBodyText>"));

    assertThat(read.get("shortMessageSupported").asBoolean()).isTrue();
    assertThat(read.get("smsBodyText").asText()).isEqualTo("Code 4711");
  }

  @Test
  void validateRequest_withoutOutboundIMMessage_saysWhatIsMissing() {
    Validation read = CmccMessages.validateRequest(Xml.parse(("<msg:outboundMessageRequest"
        + " xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\"><address>tel:+8613800000000"
        + "</address></msg:outboundMessageRequest>").getBytes(StandardCharsets.UTF_8), LIMIT));

    assertThat(read.errors()).extracting(Violation::path).containsExactly(IM);
    assertThat(read.errors().get(0).code()).isEqualTo(Code.REQUIRED);
  }

  @Test
  void dialects_readAnOutboundMessageRequest_andRefuseOtherXml() {
    byte[] request = ("\uFEFF  " + request("text/plain", "Hello", ""))
        .getBytes(StandardCharsets.UTF_8);
    byte[] other = "<file xmlns=\"urn:gsma:params:xml:ns:rcs:rcs:fthttp\"/>"
        .getBytes(StandardCharsets.UTF_8);
    byte[] doctype = ("<!DOCTYPE x [<!ENTITY e \"boom\">]>" + request("text/plain", "&e;", ""))
        .getBytes(StandardCharsets.UTF_8);

    Validation read = Dialects.validate(request);
    Validation notASend = Dialects.validate(other);
    Validation hostile = Dialects.validate(doctype);

    assertThat(read.valid()).as("%s", read.violations()).isTrue();
    assertThat(read.tree().get("RCSMessage").get("textMessage").asText()).isEqualTo("Hello");
    assertThat(notASend.valid()).isFalse();
    assertThat(notASend.errors().get(0).message()).contains("outboundMessageRequest");
    assertThat(hostile.valid()).isFalse();
    assertThat(hostile.errors().get(0).message()).containsIgnoringCase("DOCTYPE");
  }

  /** An outboundMessageRequest of one message, with extra outboundIMMessage elements. */
  static String request(String contentType, String bodyText, String extra) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<msg:outboundMessageRequest xmlns:msg=\"urn:oma:xml:rest:netapi:messaging:1\">\n"
        + "  <address>tel:+8613800000000</address>\n"
        + "  <outboundIMMessage>\n"
        + "    <contentType>" + contentType + "</contentType>\n"
        + "    <bodyText>" + bodyText + "</bodyText>\n"
        + "    " + extra + "\n"
        + "  </outboundIMMessage>\n"
        + "</msg:outboundMessageRequest>\n";
  }

  static String cdata(String text) {
    return "\n      <![CDATA[" + text + "]]>\n    ";
  }

  private static Validation validate(String contentType, String bodyText, String extra) {
    return CmccMessages.validateRequest(Xml.parse(request(contentType, bodyText, extra)
        .getBytes(StandardCharsets.UTF_8), LIMIT));
  }

  private static JsonNode rcs(Validation read) {
    assertThat(read.valid()).as("%s", read.violations()).isTrue();
    return read.tree().get("RCSMessage");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
