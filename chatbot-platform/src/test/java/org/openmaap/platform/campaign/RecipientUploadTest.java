package org.openmaap.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaap.platform.failure.TooLarge;
import org.openmaap.platform.store.CampaignRow;
import org.openmaap.platform.store.SqliteStore;

/** An upload past its row limit, on a real store: the rows up to the limit are kept, then 413. */
class RecipientUploadTest {

  private static final String CAMPAIGN = "c-1";

  @TempDir
  Path dataDir;

  private final Vertx vertx = Vertx.vertx();
  private SqliteStore store;
  private HttpServer server;
  private final Promise<JsonObject> outcome = Promise.promise();

  @BeforeEach
  void start() {
    store = SqliteStore.open(vertx, dataDir).await();
    store.insertCampaign(new CampaignRow(CAMPAIGN, "bot", "Spring sale",
        "{\"textMessage\":\"Hello {{name}}\"}", "draft", 20, null, 0, 0, 0, Instant.now(), null,
        null, 0, null, -1), List.of(), null).await();
    server = vertx.createHttpServer().requestHandler(request -> {
      request.pause();
      Future<JsonObject> added = new RecipientUpload((batch, invalid) -> store.addRecipients(
              CAMPAIGN, Set.of("draft"), batch, invalid).map(found -> found.orElseThrow()),
          CAMPAIGN, request, new CsvRows(Set.of("name"), 1024), Set.of("name"), 1024, 10)
          .receive();
      added.onComplete(outcome);
      added.onComplete(done -> request.response().putHeader("Connection", "close")
          .setStatusCode(done.succeeded() ? 200 : 413).end());
    }).listen(0).await();
  }

  @AfterEach
  void stop() {
    server.close().await();
    store.close().await();
    vertx.close().await();
  }

  @Test
  void rowsPastTheLimit_failTooLarge_afterTheRowsUpToItAreStored() {
    String file = "userContact,name\n" + IntStream.range(0, 15)
        .mapToObj(i -> "+86139000006" + String.format("%02d", i) + ",User " + i)
        .collect(Collectors.joining("\n")) + "\n";

    int status = WebClient.create(vertx).post(server.actualPort(), "localhost", "/")
        .sendBuffer(Buffer.buffer(file)).await().statusCode();

    assertThat(status).isEqualTo(413);
    assertThat(outcome.future().failed()).isTrue();
    assertThat(outcome.future().cause()).isInstanceOf(TooLarge.class)
        .hasMessageContaining("up to 10 rows").hasMessageContaining("line 12");
    assertThat(((TooLarge) outcome.future().cause()).code()).isEqualTo("too_many_rows");
    assertThat(store.campaign(CAMPAIGN).await().orElseThrow().recipients()).isEqualTo(10);
  }
}
