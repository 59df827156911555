package org.openmaap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.sms.EmbeddedSmsc;
import org.openmaap.platform.sms.EmbeddedSmsc.InboxMessage;

/**
 * A campaign's recipients uploaded as files (CSV, NDJSON), read as they stream: good rows kept,
 * bad ones refused by line, duplicates counted, and the campaign then sent to them.
 */
class CampaignFilesTest {

  private static final String RCS_1 = "+8613800000401";
  private static final String SMS_1 = "+8613900000401";
  private static final String SMS_2 = "+8613900000402";
  private static final String SMS_3 = "+8613900000403";
  private static final String CSV = "text/csv";
  private static final String NDJSON = "application/x-ndjson";
  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final int RECIPIENTS_BATCH = 5_000;

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
  void csv_withQuotedFields_isStored_andTheStartedDraftSendsEachRowItsFilledMessage() {
    try (TestDevice device = platform.device(RCS_1)) {
      String id = draft("Hello {{name}}, your code is {{code}}");
      String file = """
          userContact,name,code
          %s,"Wang, Jr.",A1
          %s,"Li \"\"the first\"\"",B2
          %s,"Zhao
          of two lines",C3
          +86,Nobody,D4
          """.formatted(SMS_1, RCS_1, SMS_2);

      HttpResponse<Buffer> uploaded = upload(id, CSV, file);

      assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
      JsonObject answer = uploaded.bodyAsJsonObject();
      assertThat(answer.getInteger("accepted")).isEqualTo(3);
      assertThat(answer.getInteger("recipients")).isEqualTo(3);
      assertThat(answer.getInteger("rejected")).isEqualTo(1);
      // The quoted field over lines 4 and 5 is one row: the bad number is on line 6.
      assertThat(answer.getJsonArray("rejectedRows").getJsonObject(0).getMap())
          .containsEntry("line", 6).containsEntry("userContact", "+86");
      assertThat(act(id, "start").statusCode()).isEqualTo(200);
      assertThat(awaitStatus(id, "completed").getInteger("handedOn")).isEqualTo(3);
      assertThat(smsTexts(SMS_1)).containsExactly("Hello Wang, Jr., your code is A1");
      assertThat(smsTexts(SMS_2)).containsExactly("Hello Zhao\nof two lines, your code is C3");
      assertThat(device.next("message").getJsonObject("RCSMessage").getString("textMessage"))
          .isEqualTo("Hello Li \"the first\", your code is B2");
    }
  }

  @Test
  void ndjson_badRowsAreReportedByLine_andDuplicatesOfTheFileAndOfTheCampaignCounted() {
    String id = create(new JsonObject().put("name", "Spring sale")
        .put("message", new JsonObject().put("textMessage", "Hello {{name}}"))
        .put("startAt", "2030-01-01T00:00:00Z")
        .put("recipients", new JsonArray().add(recipient(SMS_1, "Wang"))));
    String file = String.join("\n",
        recipient(SMS_2, "Li").encode(),
        "{not json",
        recipient("12", "Short").encode(),
        recipient("tel:" + SMS_1, "Wang again").encode(),
        "",
        new JsonObject().put("userContact", SMS_3).put("vars", new JsonObject()).encode(),
        recipient(SMS_2, "Li again").encode(),
        "[1, 2]") + "\n";

    HttpResponse<Buffer> uploaded = upload(id, NDJSON + "; charset=utf-8", file);

    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
    JsonObject answer = uploaded.bodyAsJsonObject();
    assertThat(answer.getInteger("accepted")).isEqualTo(1);
    assertThat(answer.getInteger("skipped_duplicate")).isEqualTo(2);
    assertThat(answer.getInteger("rejected")).isEqualTo(4);
    assertThat(answer.getInteger("recipients")).isEqualTo(2);
    List<JsonObject> refused = answer.getJsonArray("rejectedRows").stream()
        .map(JsonObject.class::cast).toList();
    assertThat(refused).extracting(row -> row.getInteger("line")).containsExactly(2, 3, 6, 8);
    assertThat(refused.get(1).getString("userContact")).isEqualTo("12");
    assertThat(refused.get(2).getString("reason")).contains("{{name}}");
    JsonObject campaign = get(id).bodyAsJsonObject();
    assertThat(campaign.getString("status")).isEqualTo("scheduled");
    assertThat(campaign.getInteger("recipients")).isEqualTo(2);
    assertThat(campaign.getJsonObject("counts").getMap()).containsEntry("pending", 2)
        .containsEntry("skipped_duplicate", 2).containsEntry("skipped_invalid", 4);
  }

  @Test
  void fiftyThousandRows_streamedInBatches_areAccepted_withADuplicateAcrossBatches()
      throws IOException {
    String id = draft("Hello {{name}}");
    Path file = dataDir.resolve("recipients.csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("userContact,name\r\n");
      for (int i = 0; i < 50_000; i++) {
        out.write("+86139" + String.format("%08d", i) + ",User " + i + "\r\n");
      }
      out.write("+8613900000000,The first again\r\n");
    }
    AsyncFile body = vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true))
        .await();

    HttpResponse<Buffer> uploaded = platform.request(HttpMethod.POST, recipientsPath(id))
        .bearerTokenAuthentication(token).putHeader("Content-Type", CSV)
        .sendStream(body).await();

    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
    assertThat(uploaded.bodyAsJsonObject().getInteger("accepted")).isEqualTo(50_000);
    assertThat(uploaded.bodyAsJsonObject().getInteger("skipped_duplicate")).isEqualTo(1);
    JsonObject campaign = get(id).bodyAsJsonObject();
    assertThat(campaign.getInteger("recipients")).isEqualTo(50_000);
    assertThat(campaign.getJsonObject("counts").getInteger("pending")).isEqualTo(50_000);
  }

  @Test
  void placeholderNoColumnOrRowFills_isA400_andNothingIsAdded() {
    String id = draft("Hello {{name}}, your code is {{code}}");

    HttpResponse<Buffer> csv = upload(id, CSV, "userContact,name\n" + SMS_1 + ",Wang\n");
    HttpResponse<Buffer> ndjson = upload(id, NDJSON, recipient(SMS_1, "Wang").encode() + "\n");

    assertThat(csv.statusCode()).isEqualTo(400);
    assertThat(csv.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("unknown_placeholder");
    assertThat(csv.bodyAsString()).contains("{{code}}");
    assertThat(ndjson.statusCode()).isEqualTo(400);
    assertThat(ndjson.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("unknown_placeholder");
    JsonObject campaign = get(id).bodyAsJsonObject();
    assertThat(campaign.getInteger("recipients")).isZero();
    assertThat(campaign.getJsonObject("counts").getInteger("skipped_invalid")).isZero();
  }

  @Test
  void badUploads_areClear4xx() {
    String draft = draft("Hello {{name}}");
    String cancelled = draft("Hello {{name}}");
    act(cancelled, "cancel");
    String running = create(new JsonObject().put("name", "Slow").put("ratePerSecond", 1)
        .put("message", new JsonObject().put("textMessage", "Hello {{name}}"))
        .put("recipients", new JsonArray(IntStream.range(0, 20)
            .mapToObj(i -> recipient("+86139000005" + String.format("%02d", i), "U" + i))
            .toList())));
    String rows = "userContact,name\n" + SMS_1 + ",Wang\n";

    HttpResponse<Buffer> plain = upload(draft, "text/plain", rows);
    HttpResponse<Buffer> latin1 = upload(draft, CSV + "; charset=iso-8859-1", rows);
    HttpResponse<Buffer> noHeader = upload(draft, CSV, SMS_1 + ",Wang\n");
    HttpResponse<Buffer> empty = upload(draft, CSV, "");
    HttpResponse<Buffer> unknown = upload("no-such-campaign", CSV, rows);
    HttpResponse<Buffer> toCancelled = upload(cancelled, CSV, rows);
    HttpResponse<Buffer> toRunning = upload(running, CSV, rows);
    String other = platform.token(platform.register("other", bot.url()));
    HttpResponse<Buffer> othersCampaign = platform.request(HttpMethod.POST,
            "/bot/v1/other/campaigns/" + draft + "/recipients")
        .bearerTokenAuthentication(other).putHeader("Content-Type", CSV)
        .sendBuffer(Buffer.buffer(rows)).await();

    assertThat(plain.statusCode()).isEqualTo(415);
    assertThat(plain.bodyAsString()).contains("text/csv", "application/x-ndjson");
    assertThat(latin1.statusCode()).isEqualTo(415);
    assertThat(noHeader.statusCode()).isEqualTo(400);
    assertThat(noHeader.bodyAsString()).contains("userContact");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(toCancelled.statusCode()).isEqualTo(409);
    assertThat(toRunning.statusCode()).isEqualTo(409);
    assertThat(toRunning.bodyAsString()).contains("pause it first");
    assertThat(othersCampaign.statusCode()).isEqualTo(403);
    assertThat(get(draft).bodyAsJsonObject().getInteger("recipients")).isZero();
  }

  @Test
  void aLineLongerThanTheLimit_isARefusedRow_andTheRowsAfterItAreKept() {
    String id = draft("Hello {{name}}");
    String file = "userContact,name\n" + SMS_1 + "," + "x".repeat(70_000) + "\n"
        + SMS_2 + ",Li\n";

    HttpResponse<Buffer> uploaded = upload(id, CSV, file);

    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(200);
    JsonObject answer = uploaded.bodyAsJsonObject();
    assertThat(answer.getInteger("accepted")).isEqualTo(1);
    assertThat(answer.getJsonArray("rejectedRows").getJsonObject(0).getMap())
        .containsEntry("line", 2);
    assertThat(answer.getJsonArray("rejectedRows").getJsonObject(0).getString("reason"))
        .contains("longer than");
  }

  @Test
  void anUploadBrokenOff_keepsTheBatchesStoredBeforeIt() {
    String id = draft("Hello {{name}}");
    StringBuilder rows = new StringBuilder("userContact,name\n");
    for (int i = 0; i < 6_000; i++) {
      rows.append("+86139").append(String.format("%08d", i)).append(",User ").append(i)
          .append('\n');
    }
    String head = "POST " + recipientsPath(id) + " HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + token + "\r\nContent-Type: text/csv\r\n"
        // Promised far more than is sent: the client goes away in the middle.
        + "Content-Length: 100000000\r\n\r\n";
    NetSocket socket = vertx.createNetClient().connect(platform.port(), "localhost").await();

    socket.write(Buffer.buffer(head + rows)).await();
    Eventually.until(() -> get(id).bodyAsJsonObject().getInteger("recipients"),
        n -> n >= RECIPIENTS_BATCH, WITHIN);
    socket.close().await();

    // What was stored stays; the rows of the unfinished batch were never stored.
    int kept = Eventually.until(() -> get(id).bodyAsJsonObject().getInteger("recipients"),
        n -> n >= RECIPIENTS_BATCH, WITHIN);
    assertThat(kept).isLessThan(6_000);
    assertThat(upload(id, CSV, "userContact,name\n" + RCS_1 + ",Li\n").bodyAsJsonObject()
        .getInteger("recipients")).isEqualTo(kept + 1);
  }

  // --- fixtures ---------------------------------------------------------------------------------

  private String draft(String text) {
    return create(new JsonObject().put("name", "Spring sale")
        .put("message", new JsonObject().put("textMessage", text)));
  }

  private String create(JsonObject body) {
    HttpResponse<Buffer> created = platform.request(HttpMethod.POST, "/bot/v1/shop/campaigns")
        .bearerTokenAuthentication(token).sendJsonObject(body).await();
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject().getString("campaignId");
  }

  private static JsonObject recipient(String userContact, String name) {
    return new JsonObject().put("userContact", userContact)
        .put("vars", new JsonObject().put("name", name));
  }

  private static String recipientsPath(String id) {
    return "/bot/v1/shop/campaigns/" + id + "/recipients";
  }

  private HttpResponse<Buffer> upload(String id, String type, String body) {
    return platform.request(HttpMethod.POST, recipientsPath(id)).bearerTokenAuthentication(token)
        .putHeader("Content-Type", type).sendBuffer(Buffer.buffer(body)).await();
  }

  private HttpResponse<Buffer> get(String id) {
    return platform.request(HttpMethod.GET, "/bot/v1/shop/campaigns/" + id)
        .bearerTokenAuthentication(token).send().await();
  }

  private HttpResponse<Buffer> act(String id, String action) {
    return platform.request(HttpMethod.POST, "/bot/v1/shop/campaigns/" + id + ":" + action)
        .bearerTokenAuthentication(token).send().await();
  }

  private JsonObject awaitStatus(String id, String status) {
    return Eventually.until(() -> get(id).bodyAsJsonObject(),
        campaign -> campaign.getString("status").equals(status), WITHIN);
  }

  private EmbeddedSmsc smsc() {
    return platform.platform.embeddedSmsc().orElseThrow();
  }

  private List<String> smsTexts(String msisdn) {
    return Eventually.until(() -> smsc().inbox(msisdn), list -> !list.isEmpty(), WITHIN)
        .stream().map(InboxMessage::text).toList();
  }
}
