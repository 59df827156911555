package org.openmaap.card.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonProcessingException;

/** Small valid documents for tests, and edits of them at a JSON pointer. */
final class Docs {

  static final ObjectMapper JSON = new ObjectMapper();

  private Docs() {}

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode text() {
    return parse("""
        {"messageContact": {"userContact": "+8613800000000"},
         "RCSMessage": {"textMessage": "hi"}}""");
  }

  /** A vertical card using every card member, with one suggestion of each action group. */
  static JsonNode card() {
    return parse("""
        {"message": {"generalPurposeCard": {
          "layout": {"cardOrientation": "VERTICAL", "titleFontStyle": ["bold"],
                     "style": "https://shop.example.com/card.css"},
          "content": {
            "media": {"mediaUrl": "https://cdn.example.com/a.jpg", "mediaContentType": "image/jpeg",
                      "mediaFileSize": 1000, "height": "MEDIUM_HEIGHT",
                      "thumbnailUrl": "https://cdn.example.com/t.jpg",
                      "thumbnailContentType": "image/jpeg", "thumbnailFileSize": 100,
                      "contentDescription": "a cup"},
            "title": "Latte",
            "description": "Hot",
            "suggestions": [
              {"reply": {"displayText": "Order", "postback": {"data": "order"}}},
              {"action": {"urlAction": {"openUrl": {"url": "https://shop.example.com",
                          "application": "webview", "viewMode": "half", "parameters": "p"}},
                          "displayText": "Menu", "postback": {"data": "menu"}}}
            ]}}}}""");
  }

  static JsonNode carousel(int cards) {
    ObjectNode doc = (ObjectNode) parse("""
        {"message": {"generalPurposeCardCarousel": {
          "layout": {"cardWidth": "SMALL_WIDTH"}, "content": []}}}""");
    ArrayNode content = (ArrayNode) doc.at("/message/generalPurposeCardCarousel/content");
    for (int i = 0; i < cards; i++) {
      content.add(parse("""
          {"media": {"mediaUrl": "https://cdn.example.com/c.png", "mediaContentType": "image/png",
                     "mediaFileSize": 500, "height": "SHORT_HEIGHT"},
           "title": "Card"}"""));
    }
    return doc;
  }

  /** A chip list whose one chip carries the given action group object. */
  static JsonNode chip(String group, String variant, String variantJson) {
    return parse("""
        {"suggestions": [{"action": {"%s": {"%s": %s},
          "displayText": "Go", "postback": {"data": "go"}}}]}"""
        .formatted(group, variant, variantJson));
  }

  static JsonNode replies(int count) {
    ArrayNode list = JSON.createArrayNode();
    for (int i = 0; i < count; i++) {
      list.add(parse("{\"reply\": {\"displayText\": \"r" + i + "\", \"postback\": {\"data\": \"" + i
          + "\"}}}"));
    }
    return list;
  }

  static JsonNode fileMessage() {
    return parse("""
        {"RCSMessage": {"fileMessage": {"fileUrl": "https://cdn.example.com/f.pdf",
          "fileName": "f.pdf", "fileMIMEType": "application/pdf", "fileSize": 10}}}""");
  }

  /** A deep copy of {@code doc} with the member or item at {@code pointer} set to {@code value}. */
  static JsonNode with(JsonNode doc, String pointer, JsonNode value) {
    JsonNode copy = doc.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String token = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.set(token, value);
    } else if (parent instanceof ArrayNode array) {
      int index = Integer.parseInt(token);
      if (index == array.size()) {
        array.add(value);
      } else {
        array.set(index, value);
      }
    } else {
      throw new IllegalArgumentException("no object or array at the parent of " + pointer);
    }
    return copy;
  }

  static JsonNode with(JsonNode doc, String pointer, String value) {
    return with(doc, pointer, JSON.getNodeFactory().textNode(value));
  }

  static JsonNode without(JsonNode doc, String pointer) {
    JsonNode copy = doc.deepCopy();
    int slash = pointer.lastIndexOf('/');
    ((ObjectNode) copy.at(pointer.substring(0, slash))).remove(pointer.substring(slash + 1));
    return copy;
  }

  static String repeat(String s, int times) {
    return s.repeat(times);
  }

  /** An absolute https URL of exactly {@code length} characters. */
  static String url(int length) {
    String prefix = "https://cdn.example.com/";
    return prefix + "a".repeat(length - prefix.length());
  }
}
