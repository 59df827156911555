package org.openmaap.platform.registry;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A registered chatbot's public profile: what the admin API shows and devices display, including
 * what a client's chatbot information shows (contact details, verification, the persistent menu).
 */
public record Chatbot(
    String botId,
    String name,
    String webhookUrl,
    String description,
    String iconUrl,
    String color,
    String website,
    String email,
    String address,
    String termsUrl,
    boolean verified,
    String verifiedBy,
    JsonObject persistentMenu,
    String smsSignature,
    Integer rateLimitPerSecond,
    String clientId,
    Instant createdAt,
    Dialect dialect,
    String signatureScheme,
    String number,
    String notifyFormat,
    String notifyVerifiedUrl) {

  /** How CT/CU notifications are signed unless the registration says otherwise. */
  public static final String SHA256 = "sha256";
  /** The other CT/CU signature: an HMAC keyed with the notify token. */
  public static final String HMAC_SHA256 = "hmac-sha256";

  /** How CMCC notifications are written unless the registration says otherwise. */
  public static final String XML = "xml";
  /** The other CMCC notification format: the OMA NetAPI JSON binding. */
  public static final String JSON = "json";

  /**
   * Where the stored profile keeps the notify URL its dialect's verification last succeeded for;
   * not a setting of the admin API.
   */
  static final String NOTIFY_VERIFIED_URL = "notifyVerifiedUrl";

  /** Whether the chatbot's current notify URL (its webhookUrl) passed its dialect's verification. */
  public boolean notifyVerified() {
    return webhookUrl.equals(notifyVerifiedUrl);
  }

  /** Whether the text is a well-formed botId (API.md: {@code [a-z0-9][a-z0-9._-]{2,63}}). */
  public static boolean isBotId(String text) {
    return text != null && ProfileRules.BOT_ID.matcher(text).matches();
  }

  /** The chatbot's service URI on this platform, {@code sip:botId@domain}. */
  public String serviceUri(String domain) {
    return "sip:" + botId + "@" + domain;
  }

  /** The profile as the admin API answers it (no secrets). */
  public JsonObject toJson(String domain) {
    return new JsonObject()
        .put("botId", botId)
        .put("serviceUri", serviceUri(domain))
        .mergeIn(profileJson())
        .put("clientId", clientId)
        .put("createdAt", createdAt.toString());
  }

  /** The stored profile: everything but the identifiers and timestamps kept in their own columns. */
  JsonObject profileJson() {
    JsonObject json = new JsonObject().put("name", name).put("webhookUrl", webhookUrl);
    putIfSet(json, "description", description);
    putIfSet(json, "iconUrl", iconUrl);
    putIfSet(json, "color", color);
    putIfSet(json, "website", website);
    putIfSet(json, "email", email);
    putIfSet(json, "address", address);
    putIfSet(json, "termsUrl", termsUrl);
    if (verified) {
      json.put("verified", true);
    }
    putIfSet(json, "verifiedBy", verifiedBy);
    putIfSet(json, "persistentMenu", persistentMenu == null ? null : persistentMenu.copy());
    putIfSet(json, "smsSignature", smsSignature);
    putIfSet(json, "rateLimitPerSecond", rateLimitPerSecond);
    if (dialect != Dialect.GSMA) {
      json.put("dialect", dialect.apiName());
    }
    // Only CT/CU notifications have a choice of signature, and a notify URL to verify.
    if (dialect == Dialect.CTCU) {
      json.put("signatureScheme", signatureScheme).put("notifyVerified", notifyVerified());
    }
    // Only CMCC notifications come in two bindings.
    if (dialect == Dialect.CMCC) {
      json.put("notifyFormat", notifyFormat);
    }
    putIfSet(json, "number", number);
    return json;
  }

  /** The persistent menu, a copy: one chatbot's profile is shared by every caller. */
  @Override
  public JsonObject persistentMenu() {
    return persistentMenu == null ? null : persistentMenu.copy();
  }

  static Chatbot fromProfile(String botId, JsonObject profile, String clientId, Instant createdAt) {
    return new Chatbot(botId, profile.getString("name"), profile.getString("webhookUrl"),
        profile.getString("description"), profile.getString("iconUrl"), profile.getString("color"),
        profile.getString("website"), profile.getString("email"), profile.getString("address"),
        profile.getString("termsUrl"), profile.getBoolean("verified", false),
        profile.getString("verifiedBy"), profile.getJsonObject("persistentMenu"),
        profile.getString("smsSignature"),
        profile.getInteger("rateLimitPerSecond"), clientId, createdAt,
        Dialect.of(profile.getString("dialect", "gsma")).orElse(Dialect.GSMA),
        profile.getString("signatureScheme", SHA256), profile.getString("number"),
        profile.getString("notifyFormat", XML), profile.getString(NOTIFY_VERIFIED_URL));
  }

  private static void putIfSet(JsonObject json, String name, Object value) {
    if (value != null) {
      json.put(name, value);
    }
  }
}
