package org.openmaap.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.multipart.MultipartForm;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.FakeChatbot;
import org.openmaap.platform.PlatformConfig;
import org.openmaap.platform.RunningPlatform;

/** The Files API end to end: a real platform, a real webhook server, real HTTP uploads. */
class FilesApiTest {

  private static final long MAX_FILE = 256 * 1024;
  private static final long QUOTA = 600 * 1024;

  @TempDir
  Path dataDir;

  private Vertx vertx;
  private RunningPlatform platform;
  private FakeChatbot bot;
  private String token;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    PlatformConfig config = RunningPlatform.config(dataDir);
    platform = RunningPlatform.start(vertx, config.withFiles(config.files()
        .withLimits(MAX_FILE, QUOTA).withSweepInterval(Duration.ofMillis(100))));
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
  void upload_image_isServedAsSent_withAThumbnail_andTheBotIsTold() {
    byte[] png = Images.png(1200, 900);

    HttpResponse<Buffer> uploaded = upload(token, MultipartForm.create()
        .binaryFileUpload("fileContent", "latte.png", Buffer.buffer(png), "image/png"));

    assertThat(uploaded.statusCode()).isEqualTo(201);
    JsonObject file = uploaded.bodyAsJsonObject();
    assertThat(file.getString("fileId")).matches("[A-Za-z0-9_-]{32}");
    assertThat(file.getString("fileUrl"))
        .isEqualTo("http://localhost:" + platform.port() + "/files/v1/" + file.getString("fileId"));
    assertThat(file.getString("fileName")).isEqualTo("latte.png");
    assertThat(file.getLong("fileSize")).isEqualTo(png.length);
    assertThat(file.getString("contentType")).isEqualTo("image/png");
    assertThat(file.getString("status")).isEqualTo("ready");
    assertThat(Instant.parse(file.getString("until")))
        .isAfter(Instant.now().plus(Duration.ofDays(29)));

    HttpResponse<Buffer> served = get(file.getString("fileUrl"), null);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.getHeader("Content-Type")).isEqualTo("image/png");
    assertThat(served.getHeader("Accept-Ranges")).isEqualTo("bytes");
    assertThat(served.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(served.body().getBytes()).isEqualTo(png);

    HttpResponse<Buffer> thumbnail = get(file.getString("thumbnailUrl"), null);
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.getHeader("Content-Type")).isEqualTo("image/jpeg");
    assertThat(file.getString("thumbnailContentType")).isEqualTo("image/jpeg");
    assertThat(file.getLong("thumbnailFileSize")).isEqualTo(thumbnail.body().length())
        .isLessThanOrEqualTo(200 * 1024);
    BufferedImage small = Images.read(thumbnail.body().getBytes());
    assertThat(small.getWidth()).isEqualTo(320);
    assertThat(small.getHeight()).isEqualTo(240);

    JsonObject event = bot.next("fileStatus").event();
    assertThat(event.getJsonObject("file").getString("fileId")).isEqualTo(file.getString("fileId"));
    assertThat(event.getJsonObject("file").getString("status")).isEqualTo("ready");
    assertThat(event.getJsonObject("file").getString("fileUrl"))
        .isEqualTo(file.getString("fileUrl"));
  }

  @Test
  void uploadedFile_servesByteRanges() {
    byte[] bytes = Images.jpeg(400, 300);
    String url = upload(token, MultipartForm.create()
        .binaryFileUpload("fileContent", "photo.jpg", Buffer.buffer(bytes), "image/jpeg"))
        .bodyAsJsonObject().getString("fileUrl");

    HttpResponse<Buffer> first = get(url, "bytes=0-9");
    HttpResponse<Buffer> from = get(url, "bytes=100-");
    HttpResponse<Buffer> last = get(url, "bytes=-5");
    HttpResponse<Buffer> past = get(url, "bytes=" + bytes.length + "-");
    HttpResponse<Buffer> head = platform.http.request(HttpMethod.HEAD, path(url)).send().await();

    assertThat(first.statusCode()).isEqualTo(206);
    assertThat(first.getHeader("Content-Range")).isEqualTo("bytes 0-9/" + bytes.length);
    assertThat(first.body().getBytes()).isEqualTo(slice(bytes, 0, 10));
    assertThat(from.statusCode()).isEqualTo(206);
    assertThat(from.body().getBytes()).isEqualTo(slice(bytes, 100, bytes.length));
    assertThat(last.getHeader("Content-Range"))
        .isEqualTo("bytes " + (bytes.length - 5) + "-" + (bytes.length - 1) + "/" + bytes.length);
    assertThat(last.body().getBytes()).isEqualTo(slice(bytes, bytes.length - 5, bytes.length));
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(past.getHeader("Content-Range")).isEqualTo("bytes */" + bytes.length);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.getHeader("Content-Length")).isEqualTo(String.valueOf(bytes.length));
    assertThat(head.body()).isNull();
  }

  @Test
  void fileUntil_servedUntilThen410_andTheBotIsToldItExpired() {
    Instant until = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    JsonObject file = upload(token, MultipartForm.create()
        .binaryFileUpload("fileContent", "menu.pdf", Buffer.buffer(pdf()), "application/pdf")
        .attribute("until", until.toString())).bodyAsJsonObject();
    String fileId = file.getString("fileId");

    assertThat(Instant.parse(file.getString("until"))).isEqualTo(until);
    assertThat(get(file.getString("fileUrl"), null).statusCode()).isEqualTo(200);

    JsonObject expired = bot.next(event -> "fileStatus".equals(event.getString("event"))
        && "expired".equals(event.getJsonObject("file").getString("status")),
        Duration.ofSeconds(10)).event();

    assertThat(expired.getJsonObject("file").getString("fileId")).isEqualTo(fileId);
    HttpResponse<Buffer> gone = get(file.getString("fileUrl"), null);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(gone.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("gone");
    assertThat(info(token, fileId).bodyAsJsonObject().getString("status")).isEqualTo("expired");
    assertThat(dataDir.resolve("files").resolve(fileId)).doesNotExist();
  }

  @Test
  void quota_refusesWhatWouldPassIt_untilFilesAreDeleted() {
    byte[] big = new byte[250 * 1024];
    System.arraycopy(pdf(), 0, big, 0, pdf().length);
    String first = upload(token, pdfForm(big)).bodyAsJsonObject().getString("fileId");
    assertThat(upload(token, pdfForm(big)).statusCode()).isEqualTo(201);

    HttpResponse<Buffer> third = upload(token, pdfForm(big));

    assertThat(third.statusCode()).isEqualTo(413);
    assertThat(third.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("quota_exceeded");
    assertThat(delete(token, first).statusCode()).isEqualTo(204);
    assertThat(upload(token, pdfForm(big)).statusCode()).isEqualTo(201);
  }

  @Test
  void delete_makesTheFileUnknown_andOnlyItsBotSeesIt() {
    JsonObject file = upload(token, pdfForm(pdf())).bodyAsJsonObject();
    String fileId = file.getString("fileId");
    String other = platform.token(platform.register("tea", bot.url()));

    assertThat(info(token, fileId).bodyAsJsonObject().getString("fileUrl"))
        .isEqualTo(file.getString("fileUrl"));
    assertThat(info(other, fileId).statusCode()).isEqualTo(403);
    assertThat(platform.http.get("/bot/v1/tea/files/" + fileId).bearerTokenAuthentication(other)
        .send().await().statusCode()).isEqualTo(404);
    assertThat(platform.http.delete("/bot/v1/tea/files/" + fileId)
        .bearerTokenAuthentication(other).send().await().statusCode()).isEqualTo(404);

    assertThat(delete(token, fileId).statusCode()).isEqualTo(204);

    assertThat(get(file.getString("fileUrl"), null).statusCode()).isEqualTo(404);
    assertThat(info(token, fileId).statusCode()).isEqualTo(404);
    assertThat(delete(token, fileId).statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedUpload_declaredLength_413() {
    HttpResponse<Buffer> refused = upload(token, MultipartForm.create().binaryFileUpload(
        "fileContent", "film.mp4", Buffer.buffer(new byte[(int) MAX_FILE * 2]), "video/mp4"));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("too_large");
  }

  @Test
  void oversizedUpload_endlessStream_413WhileItIsStillSending() {
    // A raw socket: HTTP clients wait for the end of their request before reading the answer.
    NetClient client = vertx.createNetClient();
    NetSocket socket = client.connect(platform.port(), "localhost").await();
    Promise<String> answer = Promise.promise();
    Buffer received = Buffer.buffer();
    socket.handler(data -> {
      received.appendBuffer(data);
      if (received.toString().contains("\r\n\r\n{") && received.toString().endsWith("}}")) {
        answer.tryComplete(received.toString());
      }
    });
    socket.closeHandler(v -> answer.tryComplete(received.toString()));
    AtomicLong written = new AtomicLong();
    vertx.runOnContext(v -> {
      socket.write("POST /bot/v1/coffee/files HTTP/1.1\r\nHost: localhost\r\n"
          + "Authorization: Bearer " + token + "\r\nTransfer-Encoding: chunked\r\n"
          + "Content-Type: multipart/form-data; boundary=endless\r\n\r\n");
      socket.write(chunk(Buffer.buffer("--endless\r\nContent-Disposition: form-data; "
          + "name=\"fileContent\"; filename=\"stream.mp4\"\r\nContent-Type: video/mp4\r\n\r\n")));
      pump(socket, answer.future(), written);
    });

    String response = answer.future().await();

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("\"code\":\"too_large\"");
    assertThat(written.get()).isGreaterThan(MAX_FILE);
    client.close().await();
  }

  @Test
  void wrongType_415() {
    HttpResponse<Buffer> html = upload(token, MultipartForm.create().binaryFileUpload(
        "fileContent", "page.html", Buffer.buffer("<script>alert(1)</script>"), "text/html"));
    HttpResponse<Buffer> lying = upload(token, MultipartForm.create().binaryFileUpload(
        "fileContent", "photo.jpg", Buffer.buffer(Images.png(20, 20)), "image/jpeg"));
    HttpResponse<Buffer> json = platform.http.post("/bot/v1/coffee/files")
        .bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("fileUrl", "x"))
        .await();

    assertThat(html.statusCode()).isEqualTo(415);
    assertThat(html.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("text/html");
    assertThat(lying.statusCode()).isEqualTo(415);
    assertThat(lying.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("image/png");
    assertThat(json.statusCode()).isEqualTo(415);
    assertThat(dataDir.resolve("files").resolve("tmp")).isEmptyDirectory();
  }

  @Test
  void upload_withoutAFileOrWithBoth_400() {
    HttpResponse<Buffer> neither = upload(token, MultipartForm.create().attribute("until",
        Instant.now().plusSeconds(60).toString()));
    HttpResponse<Buffer> both = upload(token, pdfForm(pdf())
        .attribute("fileUrl", "https://cdn.example.com/menu.pdf"));
    HttpResponse<Buffer> past = upload(token, pdfForm(pdf()).attribute("until",
        "2001-01-01T00:00:00Z"));

    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .contains("until");
  }

  // --- helpers ----------------------------------------------------------------------------------

  @Test
  void restart_dropsBytesACrashLeftWithoutARow_andKeepsStoredFiles() throws Exception {
    JsonObject kept = upload(token, MultipartForm.create().binaryFileUpload("fileContent",
        "latte.png", Buffer.buffer(Images.png(400, 300)), "image/png")).bodyAsJsonObject();
    platform.close();
    Path orphan = Files.write(dataDir.resolve("files").resolve("orphan0000000000000000000000000"),
        new byte[] {1, 2, 3});
    Path orphanThumbnail = Files.write(orphan.resolveSibling(orphan.getFileName() + ".thumbnail"),
        new byte[] {4});

    platform = RunningPlatform.start(vertx, RunningPlatform.config(dataDir));

    assertThat(orphan).doesNotExist();
    assertThat(orphanThumbnail).doesNotExist();
    String url = "http://localhost:" + platform.port() + "/files/v1/" + kept.getString("fileId");
    assertThat(get(url, null).statusCode()).isEqualTo(200);
    assertThat(get(url + "/thumbnail", null).statusCode()).isEqualTo(200);
  }

  @Test
  void restart_withASharedDirectory_dropsOnlyLeftoversOlderThanAnHour() throws Exception {
    platform.close();
    Path shared = dataDir.resolve("shared");
    PlatformConfig config = RunningPlatform.config(dataDir);
    PlatformConfig sharing = config.withFiles(config.files().withDirectory(shared));
    platform = RunningPlatform.start(vertx, sharing);
    JsonObject kept = upload(token, MultipartForm.create().binaryFileUpload("fileContent",
        "latte.png", Buffer.buffer(Images.png(400, 300)), "image/png")).bodyAsJsonObject();
    platform.close();
    FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Path fresh = Files.write(shared.resolve("fresh000000000000000000000000000"), new byte[] {1});
    Path old = Files.write(shared.resolve("old00000000000000000000000000000"), new byte[] {2});
    Files.setLastModifiedTime(old, twoHoursAgo);
    Path freshPart = Files.write(shared.resolve("tmp").resolve("another-node.part"), new byte[1]);
    Path oldPart = Files.write(shared.resolve("tmp").resolve("crashed.part"), new byte[1]);
    Files.setLastModifiedTime(oldPart, twoHoursAgo);

    platform = RunningPlatform.start(vertx, sharing);

    assertThat(fresh).as("maybe another node's file whose row is being written").exists();
    assertThat(freshPart).as("maybe another node's upload in progress").exists();
    assertThat(old).doesNotExist();
    assertThat(oldPart).doesNotExist();
    assertThat(shared.resolve(kept.getString("fileId"))).exists();
    String url = "http://localhost:" + platform.port() + "/files/v1/" + kept.getString("fileId");
    assertThat(get(url, null).statusCode()).isEqualTo(200);
  }

  private HttpResponse<Buffer> upload(String bearer, MultipartForm form) {
    return platform.http.post("/bot/v1/coffee/files").bearerTokenAuthentication(bearer)
        .sendMultipartForm(form).await();
  }

  private HttpResponse<Buffer> info(String bearer, String fileId) {
    return platform.http.get("/bot/v1/coffee/files/" + fileId).bearerTokenAuthentication(bearer)
        .send().await();
  }

  private HttpResponse<Buffer> delete(String bearer, String fileId) {
    return platform.http.delete("/bot/v1/coffee/files/" + fileId)
        .bearerTokenAuthentication(bearer).send().await();
  }

  /** A GET of a platform file URL, as a device makes it (no credentials). */
  private HttpResponse<Buffer> get(String url, String range) {
    var request = platform.http.get(path(url));
    if (range != null) {
      request.putHeader("Range", range);
    }
    return request.send().await();
  }

  private String path(String url) {
    return url.substring(("http://localhost:" + platform.port()).length());
  }

  private static MultipartForm pdfForm(byte[] bytes) {
    return MultipartForm.create()
        .binaryFileUpload("fileContent", "menu.pdf", Buffer.buffer(bytes), "application/pdf");
  }

  private static byte[] pdf() {
    return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes();
  }

  private static byte[] slice(byte[] bytes, int from, int to) {
    return java.util.Arrays.copyOfRange(bytes, from, to);
  }

  /** Writes 64 KB chunks as fast as the connection takes them, until the platform answers. */
  private static void pump(NetSocket socket, Future<String> answered, AtomicLong written) {
    Buffer chunk = chunk(Buffer.buffer(new byte[64 * 1024]));
    while (!socket.writeQueueFull() && !answered.isComplete()
        && written.get() < 1024L * 1024 * 1024) {
      socket.write(chunk);
      written.addAndGet(chunk.length());
    }
    if (!answered.isComplete()) {
      socket.drainHandler(v -> pump(socket, answered, written));
    }
  }

  private static Buffer chunk(Buffer data) {
    return Buffer.buffer(Integer.toHexString(data.length()) + "\r\n").appendBuffer(data)
        .appendString("\r\n");
  }
}
