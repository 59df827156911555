package org.openmaap.card.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openmaap.card.Fixtures;
import org.openmaap.card.validation.Code;
import org.openmaap.card.validation.Validation;
import org.w3c.dom.Element;

/** The OMA JSON binding read as the XML binding's element tree, and its paths as pointers. */
class OmaJsonTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CARD = "application/vnd.gsma.botmessage.v1.0+json";

  @Test
  void arraysRepeatTheirElement_andABase64CardIsReadAsTheXmlOneIs() throws Exception {
    String card = Fixtures.text("cards/valid/single-card.json");
    JsonNode envelope = JSON.readTree("""
        {"outboundMessageRequest": {"address": ["tel:+8613800000001", "13800000002"],
          "senderAddress": "sip:bot@example.com", "extra": null,
          "outboundIMMessage": {"contentType": "%s", "bodyText": "%s",
            "shortMessageSupported": true, "reportRequest": ["Delivered", "Displayed"]}}}
        """.formatted(CARD, Base64.getEncoder().encodeToString(
            card.getBytes(StandardCharsets.UTF_8))));

    OmaJson.Read read = OmaJson.read(envelope);
    Validation content = CmccMessages.validateRequest(read.root());

    assertThat(read.violations()).isEmpty();
    assertThat(OmaXml.children(read.root(), "address")).extracting(Element::getTextContent)
        .containsExactly("tel:+8613800000001", "13800000002");
    assertThat(OmaXml.child(read.root(), "extra")).isNull();
    assertThat(OmaXml.children(OmaXml.child(read.root(), "outboundIMMessage"), "reportRequest"))
        .hasSize(2);
    assertThat(content.valid()).as("%s", content.violations()).isTrue();
    assertThat(content.tree().get("RCSMessage").get("richcardMessage"))
        .isEqualTo(JSON.readTree(card));
    assertThat(content.tree().get("RCSMessage").get("shortMessageSupported").asBoolean())
        .isTrue();
  }

  @Test
  void aNonTextBodyThatIsNotBase64_isAViolationAtTheBodyText_andTheRestIsNotAnEnvelope()
      throws Exception {
    OmaJson.Read read = OmaJson.read(JSON.readTree("""
        {"outboundMessageRequest": {"outboundIMMessage": {"contentType": "%s",
          "bodyText": "{\\"message\\": {}}"}}}
        """.formatted(CARD)));

    assertThat(read.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("/outboundMessageRequest/outboundIMMessage/bodyText");
      assertThat(v.code()).isEqualTo(Code.BAD_VALUE);
    });
    assertThat(OmaJson.read(JSON.readTree("[1]"))).isNull();
    assertThat(OmaJson.read(JSON.readTree("{\"a\": {}, \"b\": {}}"))).isNull();
    assertThat(OmaJson.read(JSON.readTree("{\"a\": \"text\"}"))).isNull();
  }

  @Test
  void elementPaths_becomePointers_untilTheBodyText() {
    assertThat(OmaJson.pointer("/outboundMessageRequest/address[2]"))
        .isEqualTo("/outboundMessageRequest/address/1");
    assertThat(OmaJson.pointer("/outboundMessageRequest/outboundIMMessage/reportRequest[1]"))
        .isEqualTo("/outboundMessageRequest/outboundIMMessage/reportRequest/0");
    assertThat(OmaJson.pointer("/outboundMessageRequest/outboundIMMessage/bodyText/part[1]"
        + "/message/generalPurposeCard")).isEqualTo("/outboundMessageRequest/outboundIMMessage"
        + "/bodyText/part[1]/message/generalPurposeCard");
    assertThat(OmaJson.pointer("")).isEmpty();
  }

  @Test
  void dialects_takeACmccSendInJson_andPointIntoIt() {
    String card = Fixtures.text("cards/valid/single-card.json")
        .replaceFirst("\"title\"\\s*:\\s*\"[^\"]*\"", "\"title\": \"" + "x".repeat(201) + "\"");
    String send = """
        {"outboundMessageRequest": {"address": ["tel:+8613800000001"],
          "outboundIMMessage": {"contentType": "%s", "bodyText": "%s"}}}
        """.formatted(CARD, Base64.getEncoder().encodeToString(
            card.getBytes(StandardCharsets.UTF_8)));

    Validation read = Dialects.validate(send.getBytes(StandardCharsets.UTF_8));

    assertThat(read.errors()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("/outboundMessageRequest/outboundIMMessage/bodyText"
          + "/message/generalPurposeCard/content/title");
      assertThat(v.code()).isEqualTo(Code.TOO_LONG);
    });
  }
}
