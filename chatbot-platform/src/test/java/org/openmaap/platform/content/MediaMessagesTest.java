package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.RunningPlatform;
import org.openmaap.platform.TestDevice;

/**
 * Files and locations in conversations: a chatbot's uploaded media on cards and in file
 * messages, and a phone's uploaded file and shared location, between a real device socket and a
 * real webhook server.
 */
class MediaMessagesTest {

  private static final String USER = "+8613800000042";

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
    token = platform.token(platform.register("coffee", bot.url()));
  }

  @AfterEach
  void stop() {
    platform.close();
    bot.close();
    vertx.close().await();
  }

  @Test
  void richCard_withUploadedMedia_reachesTheDeviceWithWorkingUrls() {
    byte[] png = Images.png(800, 600);
    JsonObject file = upload("latte.png", "image/png", png);
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> sent = platform.send("coffee", token, new JsonObject()
          .put("messageContact", new JsonObject().put("userContact", USER))
          .put("RCSMessage", new JsonObject().put("richcardMessage", new JsonObject()
              .put("message", new JsonObject().put("generalPurposeCardCarousel", new JsonObject()
                  .put("layout", new JsonObject().put("cardWidth", "MEDIUM_WIDTH"))
                  .put("content", new JsonArray()
                      .add(card("Latte", media(file.getString("fileUrl"), "image/png",
                          png.length)))
                      .add(card("Mocha", media("https://cdn.example.com/mocha.png",
                          "image/png", 1234)))))))));

      assertThat(sent.statusCode()).isEqualTo(202);
      JsonArray cards = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("richcardMessage").getJsonObject("message")
          .getJsonObject("generalPurposeCardCarousel").getJsonArray("content");
      JsonObject uploaded = cards.getJsonObject(0).getJsonObject("media");
      JsonObject external = cards.getJsonObject(1).getJsonObject("media");

      assertThat(uploaded.getString("thumbnailUrl")).isEqualTo(file.getString("thumbnailUrl"));
      assertThat(uploaded.getString("thumbnailContentType")).isEqualTo("image/jpeg");
      assertThat(uploaded.getLong("thumbnailFileSize"))
          .isEqualTo(file.getLong("thumbnailFileSize"));
      assertThat(external.containsKey("thumbnailUrl")).isFalse();
      HttpResponse<Buffer> image = platform.http.getAbs(uploaded.getString("mediaUrl")).send()
          .await();
      HttpResponse<Buffer> thumbnail = platform.http.getAbs(uploaded.getString("thumbnailUrl"))
          .send().await();
      assertThat(image.statusCode()).isEqualTo(200);
      assertThat(image.body().getBytes()).isEqualTo(png);
      assertThat(thumbnail.statusCode()).isEqualTo(200);
      assertThat(thumbnail.getHeader("Content-Type")).isEqualTo("image/jpeg");
      assertThat((long) thumbnail.body().length()).isEqualTo(uploaded.getLong("thumbnailFileSize"));
    }
  }

  @Test
  void fileAudioAndLocation_fromTheBot_reachTheDevice() {
    byte[] jpeg = Images.jpeg(300, 300);
    JsonObject photo = upload("receipt.jpg", "image/jpeg", jpeg);
    byte[] mp3 = "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000 a short jingle".getBytes();
    JsonObject jingle = upload("jingle.mp3", "audio/mpeg", mp3);
    try (TestDevice phone = platform.device(USER)) {
      platform.send("coffee", token, message(new JsonObject().put("fileMessage", new JsonObject()
          .put("fileUrl", photo.getString("fileUrl")).put("fileName", "receipt.jpg")
          .put("fileMIMEType", "image/jpeg").put("fileSize", jpeg.length))));
      platform.send("coffee", token, message(new JsonObject().put("audioMessage", new JsonObject()
          .put("fileUrl", jingle.getString("fileUrl")).put("fileMIMEType", "audio/mpeg")
          .put("fileSize", mp3.length).put("playingLength", 3))));
      platform.send("coffee", token, message(new JsonObject().put("geolocationPushMessage",
          new JsonObject().put("pos", "31.2304 121.4737").put("label", "Our shop")
              .put("radius", 10))));

      JsonObject file = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("fileMessage");
      JsonObject audio = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("audioMessage");
      JsonObject location = phone.next("message").getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage");

      assertThat(file.getString("thumbnailUrl")).isEqualTo(photo.getString("thumbnailUrl"));
      assertThat(file.getString("thumbnailMIMEType")).isEqualTo("image/jpeg");
      assertThat(file.getLong("thumbnailFileSize")).isEqualTo(photo.getLong("thumbnailFileSize"));
      assertThat(platform.http.getAbs(file.getString("fileUrl")).send().await().body().getBytes())
          .isEqualTo(jpeg);
      assertThat(audio.getString("fileUrl")).isEqualTo(jingle.getString("fileUrl"));
      assertThat(platform.http.getAbs(audio.getString("fileUrl")).send().await()
          .getHeader("Content-Type")).isEqualTo("audio/mpeg");
      assertThat(location.getString("pos")).isEqualTo("31.2304 121.4737");
      assertThat(location.getString("label")).isEqualTo("Our shop");
    }
  }

  @Test
  void device_uploadsAFileAndSendsIt_theBotGetsAPlatformUrl() {
    byte[] jpeg = Images.jpeg(1024, 768);
    try (TestDevice phone = platform.device(USER)) {
      HttpResponse<Buffer> uploaded = platform.http
          .post("/network/v1/devices/" + USER + "/files")
          .bearerTokenAuthentication(RunningPlatform.NETWORK_TOKEN)
          .sendMultipartForm(MultipartForm.create().binaryFileUpload("fileContent", "table.jpg",
              Buffer.buffer(jpeg), "image/jpeg"))
          .await();
      assertThat(uploaded.statusCode()).isEqualTo(201);
      JsonObject fileMessage = uploaded.bodyAsJsonObject().getJsonObject("fileMessage");

      phone.send(new JsonObject().put("type", "message").put("id", 7).put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("fileMessage", fileMessage)));

      assertThat(phone.next("ack").getInteger("ref")).isEqualTo(7);
      JsonObject received = bot.next("message").event().getJsonObject("RCSMessage")
          .getJsonObject("fileMessage");
      assertThat(received.getString("fileUrl"))
          .startsWith("http://localhost:" + platform.port() + "/files/v1/");
      assertThat(received.getString("fileName")).isEqualTo("table.jpg");
      assertThat(received.getString("fileMIMEType")).isEqualTo("image/jpeg");
      assertThat(received.getLong("fileSize")).isEqualTo(jpeg.length);
      assertThat(received.getString("thumbnailUrl")).endsWith("/thumbnail");
      assertThat(platform.http.getAbs(received.getString("fileUrl")).send().await().body()
          .getBytes()).isEqualTo(jpeg);
    }
  }

  @Test
  void deviceUpload_needsTheNetworkToken() {
    HttpResponse<Buffer> refused = platform.http.post("/network/v1/devices/" + USER + "/files")
        .sendMultipartForm(MultipartForm.create().binaryFileUpload("fileContent", "a.jpg",
            Buffer.buffer(Images.jpeg(10, 10)), "image/jpeg"))
        .await();

    assertThat(refused.statusCode()).isEqualTo(401);
  }

  @Test
  void device_sharesALocation_theBotGetsAGeolocationPushMessage() {
    try (TestDevice phone = platform.device(USER)) {
      phone.send(new JsonObject().put("type", "message").put("to", "coffee")
          .put("RCSMessage", new JsonObject().put("geolocationPushMessage", new JsonObject()
              .put("pos", "39.9042 116.4074").put("label", "Pick me up here"))));

      JsonObject location = bot.next("message").event().getJsonObject("RCSMessage")
          .getJsonObject("geolocationPushMessage");

      assertThat(location.getString("pos")).isEqualTo("39.9042 116.4074");
      assertThat(location.getString("label")).isEqualTo("Pick me up here");
    }
  }

  private JsonObject upload(String name, String type, byte[] bytes) {
    HttpResponse<Buffer> response = platform.http.post("/bot/v1/coffee/files")
        .bearerTokenAuthentication(token)
        .sendMultipartForm(MultipartForm.create().binaryFileUpload("fileContent", name,
            Buffer.buffer(bytes), type))
        .await();
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static JsonObject message(JsonObject rcs) {
    return new JsonObject().put("messageContact", new JsonObject().put("userContact", USER))
        .put("RCSMessage", rcs);
  }

  private static JsonObject card(String title, JsonObject media) {
    return new JsonObject().put("title", title).put("media", media);
  }

  private static JsonObject media(String url, String type, long size) {
    return new JsonObject().put("mediaUrl", url).put("mediaContentType", type)
        .put("mediaFileSize", size).put("height", "MEDIUM_HEIGHT");
  }
}
