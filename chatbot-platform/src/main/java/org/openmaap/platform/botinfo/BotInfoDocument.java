package org.openmaap.platform.botinfo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openmaap.platform.registry.Chatbot;

/**
 * A chatbot's profile as the GSMA botinfo JSON: {@code pcc} (the organisation card: name,
 * description, service URI and email, logo and colour, website and terms, address),
 * {@code colour}, {@code bot-verification} and {@code persistentMenu}. Members the profile does
 * not have are left out, never written as null.
 */
final class BotInfoDocument {

  private BotInfoDocument() {}

  static JsonObject of(Chatbot chatbot, String domain) {
    JsonObject json = new JsonObject()
        .put("pcc", new JsonObject()
            .put("pcc-type", "ORG")
            .put("org-details", orgDetails(chatbot, domain)));
    putIfSet(json, "colour", chatbot.color());
    JsonObject verification = new JsonObject().put("verified", chatbot.verified());
    putIfSet(verification, "verified-by", chatbot.verifiedBy());
    json.put("bot-verification", new JsonObject().put("verification-info", verification));
    putIfSet(json, "persistentMenu", chatbot.persistentMenu());
    return json;
  }

  private static JsonObject orgDetails(Chatbot chatbot, String domain) {
    JsonObject details = new JsonObject()
        .put("org-name", new JsonArray().add(new JsonObject()
            .put("display-name", chatbot.name()).put("name-type", "display")));
    putIfSet(details, "org-description", chatbot.description());
    JsonArray uris = new JsonArray().add(uriEntry("SIP-URI", chatbot.serviceUri(domain),
        "ServiceID"));
    if (chatbot.email() != null) {
      uris.add(uriEntry("Email", "mailto:" + chatbot.email(), "Email"));
    }
    details.put("comm-addr", new JsonObject().put("uri-entry", uris));
    JsonArray media = new JsonArray();
    if (chatbot.iconUrl() != null) {
      media.add(mediaEntry(new JsonObject().put("media-url", chatbot.iconUrl()), "Logo", "Icon"));
    }
    if (chatbot.color() != null) {
      media.add(mediaEntry(new JsonObject().put("content", chatbot.color()), "Other", "Colour"));
    }
    if (!media.isEmpty()) {
      details.put("media-list", new JsonObject().put("media-entry", media));
    }
    JsonArray web = new JsonArray();
    if (chatbot.website() != null) {
      web.add(new JsonObject().put("url", chatbot.website()).put("label", "Website"));
    }
    if (chatbot.termsUrl() != null) {
      web.add(new JsonObject().put("url", chatbot.termsUrl()).put("label", "TCPage"));
    }
    if (!web.isEmpty()) {
      details.put("web-resources", new JsonObject().put("web-entry", web));
    }
    if (chatbot.address() != null) {
      details.put("address", new JsonObject().put("address-entry", new JsonArray()
          .add(new JsonObject().put("addr-string", chatbot.address()).put("label", "Work"))));
    }
    return details;
  }

  private static JsonObject uriEntry(String type, String uri, String label) {
    return new JsonObject().put("addr-uri-type", type).put("addr-uri", uri).put("label", label);
  }

  private static JsonObject mediaEntry(JsonObject media, String content, String label) {
    return new JsonObject().put("media", media).put("media-content", content)
        .put("label", label);
  }

  private static void putIfSet(JsonObject json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
