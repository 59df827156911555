package org.openmaap.card.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plainer document that FNW.11 clients' habits stand for: a member whose value is JSON
 * {@code null} is absent (SDKs write every optional member), and a bare string
 * {@code "messageContact"} is its {@code userContact}.
 */
final class AsRead {

  private AsRead() {}

  /** The document without null members (a copy when it had any; the same tree otherwise). */
  static JsonNode withoutNullMembers(JsonNode node) {
    if (!hasNullMembers(node)) {
      return node;
    }
    JsonNode copy = node.deepCopy();
    dropNullMembers(copy);
    return copy;
  }

  /**
   * The document without the {@code "type": "reply"} (or {@code "action"}) that China's terminals
   * put inside a tapped suggestion (DIALECTS.md: tolerate it); the same tree when it has none.
   */
  static JsonNode withoutTappedType(JsonNode document) {
    JsonNode response = document.path("RCSMessage").path("suggestedResponse").path("response");
    if (response.isMissingNode()) {
      response = document.path("response");
    }
    boolean typed = false;
    for (String kind : List.of("reply", "action")) {
      typed |= response.path(kind).path("type").isTextual();
    }
    if (!typed) {
      return document;
    }
    JsonNode copy = document.deepCopy();
    JsonNode copied = copy.path("RCSMessage").path("suggestedResponse").path("response");
    if (copied.isMissingNode()) {
      copied = copy.path("response");
    }
    for (String kind : List.of("reply", "action")) {
      if (copied.path(kind) instanceof ObjectNode tapped && tapped.path("type").isTextual()) {
        tapped.remove("type");
      }
    }
    return copy;
  }

  /** A checked document with a bare string messageContact written as {"userContact": ...}. */
  static JsonNode withContactObject(JsonNode document) {
    if (!(document instanceof ObjectNode object)
        || !(object.get("messageContact") instanceof TextNode contact)) {
      return document;
    }
    ObjectNode copy = object.deepCopy();
    copy.putObject("messageContact").set("userContact", contact);
    return copy;
  }

  private static boolean hasNullMembers(JsonNode node) {
    if (node.isObject()) {
      for (var it = node.fields(); it.hasNext(); ) {
        JsonNode value = it.next().getValue();
        if (value.isNull() || hasNullMembers(value)) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode item : node) {
        if (hasNullMembers(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void dropNullMembers(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (var it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        if (member.getValue().isNull()) {
          nulls.add(member.getKey());
        } else {
          dropNullMembers(member.getValue());
        }
      }
      object.remove(nulls);
    } else if (node.isArray()) {
      node.forEach(AsRead::dropNullMembers);
    }
  }
}
