package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot's campaigns listed, newest first, by the bot and by the operator, who may steer them. */
class CampaignListTest {

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));
    bot = FakeChatbot.start(vertx);
    token = platform.token(platform.register("shop", bot.url()));
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void list_answersTheBotsCampaignsNewestFirst_withTheirCounts() {
    String first = create("First", "2030-01-01T00:00:00Z");
    String second = create("Second", null);
    String other = platform.token(platform.register("other", bot.url()));
    platform.request(HttpMethod.POST, "/bot/v1/other/campaigns").bearerTokenAuthentication(other)
        .sendJsonObject(campaign("Not mine", null)).await();

    HttpResponse<Buffer> listed = botGet("/bot/v1/shop/campaigns");

    assertThat(listed.statusCode()).as(listed.bodyAsString()).isEqualTo(200);
    JsonArray campaigns = listed.bodyAsJsonObject().getJsonArray("campaigns");
    assertThat(ids(campaigns)).containsExactly(second, first);
    JsonObject scheduled = campaigns.getJsonObject(1);
    assertThat(scheduled.getString("name")).isEqualTo("First");
    assertThat(scheduled.getString("status")).isEqualTo("scheduled");
    assertThat(scheduled.getInteger("recipients")).isEqualTo(2);
    assertThat(scheduled.getJsonObject("counts").getInteger("pending")).isEqualTo(2);
    assertThat(scheduled).isEqualTo(botGet("/bot/v1/shop/campaigns/" + first).bodyAsJsonObject());
  }

  @Test
  void limit_keepsTheNewest_andABadOneIsA400() {
    create("One", null);
    String two = create("Two", null);

    JsonArray limited = botGet("/bot/v1/shop/campaigns?limit=1").bodyAsJsonObject()
        .getJsonArray("campaigns");

    assertThat(ids(limited)).containsExactly(two);
    for (String bad : List.of("0", "101", "many")) {
      HttpResponse<Buffer> refused = botGet("/bot/v1/shop/campaigns?limit=" + bad);
      assertThat(refused.statusCode()).as(bad).isEqualTo(400);
      assertThat(refused.bodyAsString()).contains("limit");
    }
  }

  @Test
  void admin_listsAnyBotsCampaigns_andPausesResumesAndCancelsThem() {
    String id = create("Later", "2030-01-01T00:00:00Z");

    HttpResponse<Buffer> listed = platform.admin(HttpMethod.GET,
        "/admin/v1/chatbots/shop/campaigns").send().await();
    JsonObject paused = adminAct("shop", id, "pause");
    JsonObject resumed = adminAct("shop", id, "resume");
    JsonObject cancelled = adminAct("shop", id, "cancel");

    assertThat(listed.statusCode()).as(listed.bodyAsString()).isEqualTo(200);
    assertThat(ids(listed.bodyAsJsonObject().getJsonArray("campaigns"))).containsExactly(id);
    assertThat(paused.getString("status")).isEqualTo("paused");
    assertThat(resumed.getString("status")).isEqualTo("scheduled");
    assertThat(cancelled.getString("status")).isEqualTo("cancelled");
    assertThat(cancelled.getJsonObject("counts").getInteger("cancelled")).isEqualTo(2);
    assertThat(botGet("/bot/v1/shop/campaigns/" + id).bodyAsJsonObject().getString("status"))
        .isEqualTo("cancelled");
  }

  @Test
  void admin_unknownBot_wrongBot_orNoAdminToken_areClear4xx() {
    String id = create("Later", "2030-01-01T00:00:00Z");
    platform.register("other", bot.url());

    int unknownBot = platform.admin(HttpMethod.GET, "/admin/v1/chatbots/nobody/campaigns").send()
        .await().statusCode();
    int wrongBot = platform.admin(HttpMethod.POST,
        "/admin/v1/chatbots/other/campaigns/" + id + ":pause").send().await().statusCode();
    int unknownCampaign = platform.admin(HttpMethod.POST,
        "/admin/v1/chatbots/shop/campaigns/no-such:cancel").send().await().statusCode();
    int botToken = platform.request(HttpMethod.GET, "/admin/v1/chatbots/shop/campaigns")
        .bearerTokenAuthentication(token).send().await().statusCode();

    assertThat(unknownBot).isEqualTo(404);
    assertThat(wrongBot).isEqualTo(403);
    assertThat(unknownCampaign).isEqualTo(404);
    assertThat(botToken).isEqualTo(401);
    assertThat(botGet("/bot/v1/shop/campaigns/" + id).bodyAsJsonObject().getString("status"))
        .isEqualTo("scheduled");
  }

  // --- fixtures ---------------------------------------------------------------------------------

  private static JsonObject campaign(String name, String startAt) {
    JsonObject body = new JsonObject().put("name", name)
        .put("message", new JsonObject().put("textMessage", "Hello {{name}}"))
        .put("recipients", new JsonArray()
            .add(new JsonObject().put("userContact", "+8613900000401")
                .put("vars", new JsonObject().put("name", "Li")))
            .add(new JsonObject().put("userContact", "+8613900000402")
                .put("vars", new JsonObject().put("name", "Wang"))));
    if (startAt != null) {
      body.put("startAt", startAt);
    } else {
      body.put("recipients", new JsonArray());
    }
    return body;
  }

  /** A scheduled campaign of two recipients, or a draft of none when {@code startAt} is null. */
  /**
   * A campaign of the bot's; the next one is created in a later millisecond, since the list
   * orders campaigns by when they were created (to the millisecond) and two in one millisecond
   * come in either order.
   */
  private String create(String name, String startAt) {
    HttpResponse<Buffer> created = platform.request(HttpMethod.POST, "/bot/v1/shop/campaigns")
        .bearerTokenAuthentication(token).sendJsonObject(campaign(name, startAt)).await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    long createdBy = System.currentTimeMillis();
    while (System.currentTimeMillis() <= createdBy) {
      Thread.onSpinWait();
    }
    return created.bodyAsJsonObject().getString("campaignId");
  }

  private HttpResponse<Buffer> botGet(String path) {
    return platform.request(HttpMethod.GET, path).bearerTokenAuthentication(token).send().await();
  }

  private JsonObject adminAct(String botId, String campaignId, String action) {
    HttpResponse<Buffer> answer = platform.admin(HttpMethod.POST,
        "/admin/v1/chatbots/" + botId + "/campaigns/" + campaignId + ":" + action).send().await();
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(200);
    return answer.bodyAsJsonObject();
  }

  private static List<String> ids(JsonArray campaigns) {
    return campaigns.stream().map(c -> ((JsonObject) c).getString("campaignId")).toList();
  }
}
