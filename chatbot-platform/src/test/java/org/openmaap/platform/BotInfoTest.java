package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chatbot information for RCS clients ({@code GET /bot}) and the persistent menu, set by the
 * operator through the admin API and by the bot through the Chatbot API, on a running platform.
 */
class BotInfoTest {

  private static final String URI = "sip:coffee@test.local";

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    JsonObject registration = Bots.register(platform.http, RunningPlatform.ADMIN_TOKEN, coffee()
        .put("persistentMenu", menu(reply("Menu", "menu"))));
    token = platform.token(registration);
  }

  @AfterEach
  void stop() {
    platform.close();
    vertx.close().await();
  }

  @Test
  void botInfo_isTheGsmaJson_withEveryProfileMember() {
    HttpResponse<Buffer> response = botInfo(URI + "&hl=en&ho=test&v=3");
    JsonObject info = response.bodyAsJsonObject();

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).startsWith("application/json");
    assertThat(response.getHeader("Cache-Control")).isEqualTo("public, max-age=300");
    assertThat(response.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(at(info, "/pcc/pcc-type")).isEqualTo("ORG");
    JsonObject org = info.getJsonObject("pcc").getJsonObject("org-details");
    assertThat(at(org, "/org-name/0/display-name")).isEqualTo("Bean There Coffee");
    assertThat(at(org, "/org-description")).isEqualTo("Coffee to go, ordered by chat");
    assertThat(org.getJsonObject("comm-addr").getJsonArray("uri-entry")).containsExactly(
        new JsonObject().put("addr-uri-type", "SIP-URI").put("addr-uri", URI)
            .put("label", "ServiceID"),
        new JsonObject().put("addr-uri-type", "Email").put("addr-uri", "mailto:hi@beans.example")
            .put("label", "Email"));
    assertThat(org.getJsonObject("media-list").getJsonArray("media-entry")).containsExactly(
        new JsonObject().put("media", new JsonObject().put("media-url",
            "https://beans.example/logo.png")).put("media-content", "Logo").put("label", "Icon"),
        new JsonObject().put("media", new JsonObject().put("content", "#6F4E37"))
            .put("media-content", "Other").put("label", "Colour"));
    assertThat(org.getJsonObject("web-resources").getJsonArray("web-entry")).containsExactly(
        new JsonObject().put("url", "https://beans.example").put("label", "Website"),
        new JsonObject().put("url", "https://beans.example/terms").put("label", "TCPage"));
    assertThat(at(org, "/address/address-entry/0/addr-string")).isEqualTo("1 Bean Street");
    assertThat(at(info, "/colour")).isEqualTo("#6F4E37");
    assertThat(info.getJsonObject("bot-verification")).isEqualTo(new JsonObject().put(
        "verification-info", new JsonObject().put("verified", true)
            .put("verified-by", "Test Operator")));
    assertThat(info.getJsonObject("persistentMenu")).isEqualTo(menu(reply("Menu", "menu")));
  }

  @Test
  void botInfo_ofAnUnverifiedBotWithoutExtras_leavesThemOut() {
    platform.register("plain", "http://127.0.0.1:1/plain");

    JsonObject info = botInfo("sip:plain@test.local").bodyAsJsonObject();

    assertThat(info.fieldNames()).containsExactly("pcc", "colour", "bot-verification");
    assertThat(info.getJsonObject("pcc").getJsonObject("org-details").fieldNames())
        .containsExactly("org-name", "comm-addr", "media-list");
    assertThat(at(info, "/bot-verification/verification-info/verified")).isEqualTo(false);
    assertThat(info.encode()).doesNotContain("null");
  }

  @Test
  void botInfo_withItsEtag_is304_andAfterTheBotChangesItsMenu_isNewAgain() {
    String etag = botInfo(URI).getHeader("ETag");

    HttpResponse<Buffer> unchanged = platform.request(HttpMethod.GET, "/bot?id=" + URI)
        .putHeader("If-None-Match", "\"other\", " + etag).send().await();
    HttpResponse<Buffer> put = putMenu(menu(reply("Order", "order"), submenu("More",
        reply("Opening hours", "hours"), call("Call the shop"))));
    HttpResponse<Buffer> changed = platform.request(HttpMethod.GET, "/bot?id=" + URI)
        .putHeader("If-None-Match", etag).send().await();

    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isNull();
    assertThat(unchanged.getHeader("ETag")).isEqualTo(etag);
    assertThat(put.statusCode()).as(put.bodyAsString()).isEqualTo(200);
    assertThat(put.bodyAsJsonObject()).isEqualTo(menu(reply("Order", "order"), submenu("More",
        reply("Opening hours", "hours"), call("Call the shop"))));
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.getHeader("ETag")).isNotEqualTo(etag);
    assertThat(at(changed.bodyAsJsonObject(),
        "/persistentMenu/menu/entries/1/menu/entries/1/action/displayText"))
        .isEqualTo("Call the shop");
  }

  @Test
  void persistentMenu_setAndRemovedByTheOperator_showsInBotInfo() {
    HttpResponse<Buffer> patched = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/coffee")
        .sendJsonObject(new JsonObject().put("persistentMenu", menu(reply("Track", "track"))))
        .await();
    JsonObject withMenu = botInfo(URI).bodyAsJsonObject();
    HttpResponse<Buffer> removed = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/coffee")
        .sendJsonObject(new JsonObject().putNull("persistentMenu").putNull("termsUrl")).await();
    JsonObject withoutMenu = botInfo(URI).bodyAsJsonObject();

    assertThat(patched.statusCode()).as(patched.bodyAsString()).isEqualTo(200);
    assertThat(patched.bodyAsJsonObject().getJsonObject("persistentMenu"))
        .isEqualTo(menu(reply("Track", "track")));
    assertThat(withMenu.getJsonObject("persistentMenu")).isEqualTo(menu(reply("Track", "track")));
    assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
    assertThat(removed.bodyAsJsonObject().containsKey("persistentMenu")).isFalse();
    assertThat(withoutMenu.containsKey("persistentMenu")).isFalse();
    assertThat(withoutMenu.encode()).doesNotContain("TCPage").contains("Website");
  }

  @Test
  void persistentMenu_deletedByTheBot_isGone() {
    HttpResponse<Buffer> deleted = platform.request(HttpMethod.DELETE,
        "/bot/v1/coffee/persistentMenu").bearerTokenAuthentication(token).send().await();
    HttpResponse<Buffer> again = platform.request(HttpMethod.DELETE,
        "/bot/v1/coffee/persistentMenu").bearerTokenAuthentication(token).send().await();

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(204);
    assertThat(botInfo(URI).bodyAsJsonObject().containsKey("persistentMenu")).isFalse();
  }

  @Test
  void badMenu_fromTheBot_is400WithPointers_andChangesNothing() {
    JsonObject tooDeep = menu(submenu("One", submenu("Two", submenu("Three",
        reply("Deep", "deep")))));
    JsonObject badLabel = menu(reply("A label of far more than 25 characters", "x"),
        new JsonObject().put("reply", new JsonObject().put("displayText", "No postback")));
    String before = botInfo(URI).getHeader("ETag");

    HttpResponse<Buffer> deep = putMenu(tooDeep);
    HttpResponse<Buffer> label = putMenu(badLabel);
    HttpResponse<Buffer> notAnObject = platform.request(HttpMethod.PUT,
        "/bot/v1/coffee/persistentMenu").bearerTokenAuthentication(token)
        .putHeader("Content-Type", "application/json").sendBuffer(Buffer.buffer("[1]")).await();

    assertThat(deep.statusCode()).isEqualTo(400);
    assertThat(at(deep.bodyAsJsonObject(), "/error/code")).isEqualTo("invalid_menu");
    assertThat(paths(deep)).containsExactly("/menu/entries/0/menu/entries/0/menu/entries/0/menu");
    assertThat(paths(label)).containsExactly("/menu/entries/0/reply/displayText",
        "/menu/entries/1/reply/postback");
    assertThat(notAnObject.statusCode()).isEqualTo(400);
    assertThat(botInfo(URI).getHeader("ETag")).isEqualTo(before);
  }

  @Test
  void badMenuOrProfile_fromTheOperator_is400WithPointersUnderTheMember() {
    HttpResponse<Buffer> response = platform.admin(HttpMethod.PATCH, "/admin/v1/chatbots/coffee")
        .sendJsonObject(new JsonObject()
            .put("persistentMenu", menu(reply("A", "a"), reply("B", "b"), reply("C", "c"),
                reply("D", "d"), reply("E", "e"), reply("F", "f")))
            .put("email", "not an address").put("termsUrl", "ftp://beans.example/terms")
            .put("verified", "yes").putNull("name"))
        .await();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(paths(response)).containsExactlyInAnyOrder("/persistentMenu/menu/entries",
        "/email", "/termsUrl", "/verified", "/name");
  }

  @Test
  void persistentMenu_ofAnotherBot_isForbidden() {
    platform.register("tea", "http://127.0.0.1:1/tea");

    HttpResponse<Buffer> response = platform.request(HttpMethod.PUT, "/bot/v1/tea/persistentMenu")
        .bearerTokenAuthentication(token).sendJsonObject(menu(reply("A", "a"))).await();

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void botInfo_readsTheFormsClientsSendForId() {
    for (String id : new String[] {"coffee", "sip:coffee@other.example", "sips:coffee@test.local",
        "<sip:coffee@test.local;transport=tcp>"}) {
      HttpResponse<Buffer> response = platform.request(HttpMethod.GET, "/bot")
          .addQueryParam("id", id).send().await();

      assertThat(response.statusCode()).as(id).isEqualTo(200);
      assertThat(at(response.bodyAsJsonObject(), "/pcc/org-details/org-name/0/display-name"))
          .isEqualTo("Bean There Coffee");
    }
  }

  @Test
  void botInfo_unknownBot_is404_andAMissingOrBadId_is400() {
    HttpResponse<Buffer> unknown = botInfo("sip:nobody@test.local");
    HttpResponse<Buffer> missing = platform.request(HttpMethod.GET, "/bot").send().await();
    HttpResponse<Buffer> bad = platform.request(HttpMethod.GET, "/bot")
        .addQueryParam("id", "tel:+8613800000000").send().await();
    HttpResponse<Buffer> noUser = platform.request(HttpMethod.GET, "/bot")
        .addQueryParam("id", "sip:test.local").send().await();

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(at(unknown.bodyAsJsonObject(), "/error/code")).isEqualTo("not_found");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(at(missing.bodyAsJsonObject(), "/error/message")).asString().contains("id");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(noUser.statusCode()).isEqualTo(400);
  }

  // ----- fixtures -----------------------------------------------------------------------------

  private static JsonObject coffee() {
    return new JsonObject().put("botId", "coffee").put("name", "Bean There Coffee")
        .put("webhookUrl", "http://127.0.0.1:1/coffee")
        .put("description", "Coffee to go, ordered by chat")
        .put("iconUrl", "https://beans.example/logo.png").put("color", "#6F4E37")
        .put("website", "https://beans.example").put("email", "hi@beans.example")
        .put("address", "1 Bean Street").put("termsUrl", "https://beans.example/terms")
        .put("verified", true).put("verifiedBy", "Test Operator");
  }

  static JsonObject menu(JsonObject... entries) {
    return new JsonObject().put("menu", new JsonObject().put("entries", new JsonArray(
        List.of((Object[]) entries))));
  }

  static JsonObject reply(String displayText, String data) {
    return new JsonObject().put("reply", new JsonObject().put("displayText", displayText)
        .put("postback", new JsonObject().put("data", data)));
  }

  private static JsonObject submenu(String displayText, JsonObject... entries) {
    return new JsonObject().put("menu", menu(entries).getJsonObject("menu")
        .put("displayText", displayText));
  }

  private static JsonObject call(String displayText) {
    return new JsonObject().put("action", new JsonObject()
        .put("dialerAction", new JsonObject().put("dialPhoneNumber",
            new JsonObject().put("phoneNumber", "+8613800000000")))
        .put("displayText", displayText).put("postback", new JsonObject().put("data", "call")));
  }

  private HttpResponse<Buffer> botInfo(String id) {
    return platform.request(HttpMethod.GET, "/bot?id=" + id).send().await();
  }

  private HttpResponse<Buffer> putMenu(JsonObject menu) {
    return platform.request(HttpMethod.PUT, "/bot/v1/coffee/persistentMenu")
        .bearerTokenAuthentication(token).sendJsonObject(menu).await();
  }

  private static Object at(JsonObject json, String pointer) {
    return JsonPointer.from(pointer).queryJson(json);
  }

  private static List<String> paths(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getJsonArray("violations").stream()
        .map(v -> ((JsonObject) v).getString("path")).toList();
  }
}
