package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.PlatformConfig;
import org.openmaap.platform.RunningPlatform;

/**
 * A chatbot names a {@code fileUrl} and the platform fetches it: from a real web server on this
 * machine when the config allows internal addresses, and never from an internal address when it
 * does not, however the URL gets there.
 */
class FileUrlFetchTest {

  private static final long MAX_FILE = 256 * 1024;

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private FakeChatbot bot;
  private FakeFileServer files;
  private RunningPlatform platform;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    bot = FakeChatbot.start(vertx);
    files = FakeFileServer.start(vertx, "127.0.0.1");
  }

  @AfterEach
  void stop() {
    if (platform != null) {
      platform.close();
    }
    files.close();
    bot.close();
    vertx.close().await();
  }

  private void platform(UnaryOperator<FilesSettings> settings) {
    PlatformConfig config = RunningPlatform.config(dataDir);
    platform = RunningPlatform.start(vertx, config.withFiles(settings.apply(
        config.files().withLimits(MAX_FILE, 10 * MAX_FILE))));
    token = platform.token(platform.register("coffee", bot.url()));
  }

  @Test
  void fileUrl_isFetchedKeptAndServed() {
    platform(files -> files.withPrivateFetch(true));
    byte[] jpeg = Images.jpeg(640, 480);
    files.serve("/menu/latte.jpg", "image/jpeg", jpeg);

    HttpResponse<Buffer> uploaded = upload(url("/menu/latte.jpg"));

    assertThat(uploaded.statusCode()).isEqualTo(201);
    JsonObject file = uploaded.bodyAsJsonObject();
    assertThat(file.getString("status")).isEqualTo("ready");
    assertThat(file.getString("fileName")).isEqualTo("latte.jpg");
    assertThat(file.getString("contentType")).isEqualTo("image/jpeg");
    assertThat(file.getLong("fileSize")).isEqualTo(jpeg.length);
    assertThat(file.getString("thumbnailUrl")).endsWith("/thumbnail");
    assertThat(platform.http.getAbs(file.getString("fileUrl")).send().await().body().getBytes())
        .isEqualTo(jpeg);
    JsonObject ready = bot.next("fileStatus").event().getJsonObject("file");
    assertThat(ready.getString("fileId")).isEqualTo(file.getString("fileId"));
    assertThat(ready.getString("status")).isEqualTo("ready");
  }

  @Test
  void fileUrl_followsRedirects_butNotForever() {
    platform(files -> files.withPrivateFetch(true));
    files.serve("/latte.jpg", "image/jpeg", Images.jpeg(64, 64))
        .redirect("/short", "/moved").redirect("/moved", url("/latte.jpg"));
    for (int hop = 0; hop < 6; hop++) {
      files.redirect("/loop" + hop, "/loop" + (hop + 1));
    }

    HttpResponse<Buffer> followed = upload(url("/short"));
    HttpResponse<Buffer> endless = upload(url("/loop0"));

    assertThat(followed.statusCode()).isEqualTo(201);
    assertThat(endless.statusCode()).isEqualTo(400);
    assertThat(message(endless)).contains("redirected more than 5 times");
  }

  @Test
  void fileUrl_thatFailsOrIsTooLargeOrOfTheWrongType_isRefused() {
    platform(files -> files.withPrivateFetch(true));
    files.serve("/huge.mp4", "video/mp4", new byte[(int) MAX_FILE + 1])
        .serve("/page.html", "text/html", "<html></html>".getBytes());

    HttpResponse<Buffer> missing = upload(url("/nothing.jpg"));
    HttpResponse<Buffer> huge = upload(url("/huge.mp4"));
    HttpResponse<Buffer> page = upload(url("/page.html"));

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(message(missing)).contains("404");
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(page.statusCode()).isEqualTo(415);
    assertThat(dataDir.resolve("files").resolve("tmp")).isEmptyDirectory();
  }

  @Test
  void fileUrl_atAnInternalAddress_isRefusedWith400_andNeverFetched() {
    platform(files -> files);
    files.serve("/secret", "text/plain", "internal".getBytes());
    int port = files.port();

    List<String> internal = List.of(
        "http://127.0.0.1:" + port + "/secret",
        "http://localhost:" + port + "/secret",
        "http://[::1]:" + port + "/secret",
        "http://[::ffff:127.0.0.1]:" + port + "/secret",
        "http://2130706433:" + port + "/secret",
        "http://0.0.0.0:" + port + "/secret",
        "http://10.0.0.1/secret",
        "http://192.168.1.1/secret",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[fd00:ec2::254]/latest/meta-data/");

    for (String url : internal) {
      HttpResponse<Buffer> refused = upload(url);
      assertThat(refused.statusCode()).as(url).isEqualTo(400);
      assertThat(code(refused)).as(url).isEqualTo("blocked_url");
    }
    assertThat(message(upload("http://169.254.169.254/latest/meta-data/")))
        .contains("metadata");
    assertThat(files.requests()).isEmpty();
  }

  @Test
  void fileUrl_notHttp_isRefusedWith400() {
    platform(files -> files);

    for (String url : List.of("file:///etc/passwd", "ftp://cdn.example.com/latte.jpg",
        "gopher://127.0.0.1:6379/_INFO", "//cdn.example.com/latte.jpg",
        "http://user:password@cdn.example.com/latte.jpg")) {
      HttpResponse<Buffer> refused = upload(url);
      assertThat(refused.statusCode()).as(url).isEqualTo(400);
      assertThat(code(refused)).as(url).isEqualTo("bad_url");
    }
  }

  @Test
  void redirect_toAnInternalAddress_isRefusedWith400_andNeverFollowed() {
    // The first hop's server is allowed by name; every target behind it is still internal.
    platform(files -> files.withAllowedFetchNetworks(List.of("127.0.0.1/32")));
    FakeFileServer trap = FakeFileServer.start(vertx, "0.0.0.0");
    trap.serve("/secret", "text/plain", "internal".getBytes());
    WebClient direct = WebClient.create(vertx);
    // The trap answers on 127.0.0.2 too: a fetch that followed the redirect would get the file.
    assertThat(direct.get(trap.port(), "127.0.0.2", "/secret").send().await().bodyAsString())
        .isEqualTo("internal");
    files.serve("/latte.jpg", "image/jpeg", Images.jpeg(64, 64))
        .redirect("/to-loopback", "http://127.0.0.2:" + trap.port() + "/secret")
        .redirect("/to-ipv6-loopback", "http://[::1]:" + trap.port() + "/secret")
        .redirect("/to-private", "http://10.1.2.3/secret")
        .redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");

    assertThat(upload(url("/latte.jpg")).statusCode()).isEqualTo(201);
    for (String path : List.of("/to-loopback", "/to-ipv6-loopback", "/to-private",
        "/to-metadata")) {
      HttpResponse<Buffer> refused = upload(url(path));
      assertThat(refused.statusCode()).as(path).isEqualTo(400);
      assertThat(code(refused)).as(path).isEqualTo("blocked_url");
    }
    assertThat(trap.requests()).hasSize(1);
    direct.close();
    trap.close();
  }

  private HttpResponse<Buffer> upload(String fileUrl) {
    return platform.http.post("/bot/v1/coffee/files").bearerTokenAuthentication(token)
        .sendMultipartForm(MultipartForm.create().attribute("fileUrl", fileUrl)).await();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + files.port() + path;
  }

  private static String code(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("code");
  }

  private static String message(HttpResponse<Buffer> response) {
    return response.bodyAsJsonObject().getJsonObject("error").getString("message");
  }
}
