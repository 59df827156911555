package org.openmaap.card.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.openmaap.card.Fixtures;
import org.openmaap.card.validation.Validation;
import org.openmaap.card.validation.Violation;

/** CT/CU sends read as GSMA content, violations pointed into the send, and the way back. */
class CtcuMessagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void textWithChipsAndFallback_isTheGsmaMessageItStandsFor() {
    Validation read = CtcuMessages.validateSend(json("""
        {"messageId": "m-1", "destinationAddress": ["tel:+8613800000000"],
         "messageList": [
           {"contentType": "text/plain", "contentEncoding": "utf8", "contentText": "Shipped"},
           {"contentType": "application/vnd.gsma.botsuggestion.v1.0+json",
            "contentText": {"suggestions": [{"reply": {"displayText": "Track",
              "postback": {"data": "track"}}}]}}],
         "smsSupported": true, "smsContent": "Shipped. Track: https://t.example/1",
         "trafficType": "notification", "unknownExtra": 1}"""));

    assertThat(read.valid()).as("%s", read.violations()).isTrue();
    assertThat(read.tree()).isEqualTo(json("""
        {"RCSMessage": {"textMessage": "Shipped",
          "suggestedChipList": {"suggestions": [{"reply": {"displayText": "Track",
            "postback": {"data": "track"}}}]},
          "shortMessageSupported": true, "smsBodyText": "Shipped. Track: https://t.example/1"}}
        """));
  }

  @Test
  void cardAsAString_locationAsAGeoText_andAFileList_becomeTheirGsmaMembers() {
    String card = Fixtures.text("cards/valid/single-card.json");
    JsonNode cardSend = send("application/vnd.gsma.botmessage.v1.0+json",
        JSON.getNodeFactory().textNode(card));
    JsonNode geoSend = send("text/plain", JSON.getNodeFactory().textNode(
        "geo:31.2304,121.4737;crs=gcj02;u=10;rcs-l=Pick-up%20point"));
    JsonNode fileSend = send("application/vnd.gsma.rcs-ft-http", json("""
        [{"type": "file", "fileSize": "182044", "fileName": "menu.pdf",
          "contentType": "application/pdf", "url": "https://cdn.example.com/menu.pdf"},
         {"type": "thumbnail", "fileSize": 9120, "contentType": "image/jpeg",
          "url": "https://cdn.example.com/menu.jpg"}]"""));

    assertThat(rcs(cardSend).get("richcardMessage")).isEqualTo(json(card));
    assertThat(rcs(geoSend).get("geolocationPushMessage").get("pos").asText())
        .isEqualTo("31.2304 121.4737");
    assertThat(rcs(geoSend).get("geolocationPushMessage").get("label").asText())
        .isEqualTo("Pick-up point");
    assertThat(rcs(fileSend).get("fileMessage")).isEqualTo(json("""
        {"fileUrl": "https://cdn.example.com/menu.pdf", "fileName": "menu.pdf",
         "fileMIMEType": "application/pdf", "fileSize": 182044,
         "thumbnailUrl": "https://cdn.example.com/menu.jpg", "thumbnailMIMEType": "image/jpeg",
         "thumbnailFileSize": 9120}"""));
  }

  @Test
  void violations_pointIntoTheSend() {
    JsonNode card = json(Fixtures.text("cards/valid/single-card.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) card.at("/message/generalPurposeCard/content"))
        .put("title", "x".repeat(201));
    JsonNode badCard = send("application/vnd.gsma.botmessage.v1.0+json", card);
    JsonNode badSetting = json("""
        {"messageList": [{"contentType": "text/plain", "contentText": "hi"}],
         "smsSupported": "yes"}""");
    JsonNode twoContents = json("""
        {"messageList": [{"contentType": "text/plain", "contentText": "a"},
                         {"contentType": "text/plain", "contentText": "b"}]}""");
    JsonNode chipsAlone = json("""
        {"messageList": [{"contentType": "application/vnd.gsma.botsuggestion.v1.0+json",
                          "contentText": {"suggestions": []}}]}""");
    JsonNode unknownType = send("image/png", JSON.getNodeFactory().textNode("x"));
    JsonNode badGeo = send("text/plain", JSON.getNodeFactory().textNode("geo:north"));

    assertThat(paths(badCard)).containsExactly(
        "/messageList/0/contentText/message/generalPurposeCard/content/title");
    assertThat(paths(badSetting)).containsExactly("/smsSupported");
    assertThat(paths(twoContents)).containsExactly("/messageList/1");
    assertThat(paths(chipsAlone)).containsExactly("/messageList");
    assertThat(paths(unknownType)).containsExactly("/messageList/0/contentType");
    assertThat(paths(badGeo)).containsExactly("/messageList/0/contentText");
  }

  @Test
  void usersContent_isWrittenAsAMessageList() {
    assertThat(CtcuMessages.write(json("{\"textMessage\": \"hi\"}"))).isEqualTo(json("""
        [{"contentType": "text/plain", "contentEncoding": "utf8", "contentText": "hi"}]"""));
    assertThat(CtcuMessages.write(json("""
        {"geolocationPushMessage": {"pos": "31.2304 121.4737", "label": "Shop"}}""")).get(0)
        .get("contentText").asText()).startsWith("geo:31.2304,121.4737").contains("rcs-l=Shop");
    assertThat(CtcuMessages.write(json("""
        {"fileMessage": {"fileUrl": "https://f.example/a.jpg", "fileMIMEType": "image/jpeg",
          "fileSize": 10}}"""))).isEqualTo(json("""
        [{"contentType": "application/vnd.gsma.rcs-ft-http", "contentEncoding": "utf8",
          "contentText": [{"type": "file", "fileSize": 10, "contentType": "image/jpeg",
                           "url": "https://f.example/a.jpg"}]}]"""));
    assertThat(CtcuMessages.write(json("""
        {"suggestedResponse": {"response": {"reply": {"displayText": "Yes",
          "postback": {"data": "y"}}}}}""")).get(0).get("contentType").asText())
        .isEqualTo(CtcuMessages.RESPONSE);
  }

  @Test
  void dialects_tellACtcuSendFromAGsmaDocument() {
    byte[] ctcu = """
        {"messageList": [{"contentType": "text/plain", "contentText": "hi"}]}"""
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] gsma = "{\"RCSMessage\": {\"textMessage\": \"hi\"}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThat(Dialects.validate(ctcu).tree()).isEqualTo(json(
        "{\"RCSMessage\": {\"textMessage\": \"hi\"}}"));
    assertThat(Dialects.validate(gsma).tree()).isEqualTo(json(
        "{\"RCSMessage\": {\"textMessage\": \"hi\"}}"));
    assertThat(Dialects.validate("{\"messageList\": ".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)).violations()).extracting(Violation::path)
        .containsExactly("");
  }

  private static JsonNode send(String type, JsonNode text) {
    com.fasterxml.jackson.databind.node.ObjectNode item = JSON.createObjectNode()
        .put("contentType", type);
    item.set("contentText", text);
    com.fasterxml.jackson.databind.node.ObjectNode send = JSON.createObjectNode();
    send.putArray("messageList").add(item);
    return send;
  }

  private static JsonNode rcs(JsonNode send) {
    Validation read = CtcuMessages.validateSend(send);
    assertThat(read.valid()).as("%s", read.violations()).isTrue();
    return read.tree().get("RCSMessage");
  }

  private static java.util.List<String> paths(JsonNode send) {
    return CtcuMessages.validateSend(send).errors().stream().map(Violation::path).toList();
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
