package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening SQLite files of every age: new, made by the hand-rolled migrations, too new. */
class SqliteMigrationsTest {

  private static final String FOLDER = "db/migration/sqlite";

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;
  private SqliteStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close().await();
    }
    vertx.close().await();
  }

  @Test
  void open_newDirectory_appliesEveryMigrationToAWalFile() throws Exception {
    store = SqliteStore.open(vertx, dir).await();

    try (Connection db = connect()) {
      assertThat(text(db, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(appliedVersions(db)).containsExactlyElementsOf(fileVersions());
      assertThat(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"))
          .isEqualTo("0");
    }
    assertThat(store.platformSecret("chat_id").await()).hasValueSatisfying(
        secret -> assertThat(secret).hasSize(64));
  }

  @Test
  void open_fileOfTheOldMigrationsAtVersion5_keepsItsRowsAndVersion() throws Exception {
    try (Connection db = connect()) {
      oldMigrations(db, 5);
      insertChatbotAndMessage(db);
      update(db, "INSERT INTO platform_secrets (name, value) VALUES ('kept', 'abc')");
    }

    store = SqliteStore.open(vertx, dir).await();

    assertThat(store.chatbot("bot-one").await()).isPresent();
    assertThat(store.message("bot-one", "m1").await()).map(MessageRow::status)
        .contains("pending");
    assertThat(store.platformSecret("kept").await()).contains("abc");
    try (Connection db = connect()) {
      List<String> versions = appliedVersions(db);
      assertThat(versions).first().as("the baseline").isEqualTo("5");
      assertThat(versions).last().isEqualTo(fileVersions().get(fileVersions().size() - 1));
      assertThat(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"))
          .as("the old version table is dropped").isEqualTo("0");
    }
  }

  @Test
  void open_fileOfTheOldMigrationsAtVersion3_appliesTheLaterOnesToItsRows() throws Exception {
    try (Connection db = connect()) {
      oldMigrations(db, 3);
      insertChatbotAndMessage(db);
    }

    store = SqliteStore.open(vertx, dir).await();

    // Version 4 gives every message still on its way a work row; version 5 makes chat_id.
    Instant later = Instant.now().plusSeconds(60);
    assertThat(store.claimDue("n1", later, later.plusSeconds(10), 10).await())
        .extracting(WorkRow::ref).containsExactly("m1");
    assertThat(store.platformSecret("chat_id").await()).isPresent();
    assertThat(store.chatbot("bot-one").await()).isPresent();
    try (Connection db = connect()) {
      assertThat(appliedVersions(db)).startsWith("3", "4", "5");
    }
  }

  @Test
  void open_pendingEventsOfVersion5_eachConversationsFirstIsDueAndTheRestWait() throws Exception {
    try (Connection db = connect()) {
      oldMigrations(db, 5);
      for (String[] event : new String[][] {
          {"a1", "c1", "PENDING"}, {"b1", "c2", "PENDING"}, {"a2", "c1", "PENDING"},
          {"old", "c3", "DELIVERED"}}) {
        update(db, """
            INSERT INTO events (event_id, bot_id, conversation_id, body_json, state, attempts,
              next_attempt_at, created_at)
            VALUES ('%s', 'bot-one', '%s', '{}', '%s', 2, 5000, 1000)"""
            .formatted(event[0], event[1], event[2]));
      }
    }

    store = SqliteStore.open(vertx, dir).await();

    Instant now = Instant.ofEpochMilli(5000);
    List<WorkRow> first = store.claimDue("n1", now, now.plusSeconds(10), 10).await();
    assertThat(first).extracting(WorkRow::ref).containsExactlyInAnyOrder("a1", "b1");
    assertThat(store.event("a1").await()).map(EventRow::retryFrom)
        .contains(Instant.ofEpochMilli(1000));
    store.settle(first.stream().filter(row -> row.ref().equals("a1")).findFirst().orElseThrow())
        .await();
    assertThat(store.claimDue("n1", now, now.plusSeconds(10), 10).await())
        .extracting(WorkRow::ref).containsExactly("a2");
  }

  @Test
  void open_reopenedAfterMigrating_appliesNothingAgain() throws Exception {
    store = SqliteStore.open(vertx, dir).await();
    store.close().await();

    store = SqliteStore.open(vertx, dir).await();

    try (Connection db = connect()) {
      assertThat(appliedVersions(db)).containsExactlyElementsOf(fileVersions());
      assertThat(text(db, "SELECT count(*) FROM platform_secrets"))
          .as("chat_id and token_key, made once").isEqualTo("2");
    }
  }

  @Test
  void open_fileOfANewerBuild_failsNamingBothVersions() throws Exception {
    store = SqliteStore.open(vertx, dir).await();
    store.close().await();
    store = null;
    try (Connection db = connect()) {
      update(db, """
          INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
            checksum, installed_by, execution_time, success)
          VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, '', 0, 1)""");
    }

    Future<SqliteStore> opening = SqliteStore.open(vertx, dir);

    assertThatThrownBy(opening::await).isInstanceOf(StoreFailure.class)
        .hasMessageContaining("the database has schema version 99 but this build knows versions"
            + " up to " + latest());
  }

  @Test
  void open_fileOfTheOldMigrationsAtAnUnknownVersion_failsNamingBothVersions() throws Exception {
    try (Connection db = connect()) {
      oldMigrations(db, 5);
      update(db, "UPDATE schema_version SET version = 99");
    }

    Future<SqliteStore> opening = SqliteStore.open(vertx, dir);

    assertThatThrownBy(opening::await).isInstanceOf(StoreFailure.class)
        .hasMessageContaining("the database has schema version 99 but this build knows versions"
            + " up to " + latest());
    try (Connection db = connect()) {
      assertThat(text(db, "SELECT version FROM schema_version")).as("left as it was")
          .isEqualTo("99");
    }
  }

  @Test
  void open_fileThatIsNoDatabase_failsNamingTheFile() throws Exception {
    Files.writeString(dir.resolve(SqliteStore.FILE_NAME), "this is not a database at all");

    Future<SqliteStore> opening = SqliteStore.open(vertx, dir);

    assertThatThrownBy(opening::await)
        .isInstanceOf(StoreFailure.class)
        .hasMessageContaining("could not open the store at " + dir.resolve(SqliteStore.FILE_NAME))
        .hasMessageContaining("not a database");
  }

  // What the hand-rolled Schema.migrate did: each version's statements, then schema_version.
  private static void oldMigrations(Connection db, int upTo) throws Exception {
    for (int version = 1; version <= upTo; version++) {
      for (String statement : migration(version).split(";\\s*\\n")) {
        if (!statement.isBlank()) {
          update(db, statement);
        }
      }
    }
    update(db, "CREATE TABLE schema_version (version INTEGER NOT NULL)");
    update(db, "INSERT INTO schema_version (version) VALUES (" + upTo + ")");
  }

  private static void insertChatbotAndMessage(Connection db) throws SQLException {
    update(db, """
        INSERT INTO chatbots (bot_id, profile_json, client_id, client_secret_hash, webhook_secret,
          token_generation, created_at)
        VALUES ('bot-one', '{}', 'client-1', 'hash', 'secret', 1, 0)""");
    update(db, """
        INSERT INTO messages (bot_id, msg_id, direction, user_contact, rcs_message_json, status,
          channel, created_at, updated_at)
        VALUES ('bot-one', 'm1', 'BOT_TO_USER', '+8613800000001', '{}', 'pending', 'rcs', 0, 0)""");
  }

  private static String migration(int version) throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      Path file = files.filter(f -> f.getFileName().toString().startsWith("V" + version + "__"))
          .findFirst().orElseThrow();
      return Files.readString(file, StandardCharsets.UTF_8);
    }
  }

  // The versions of the files, in order: what a database gets from this build.
  private static List<String> fileVersions() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(folder())) {
      return files.map(f -> f.getFileName().toString())
          .map(name -> name.substring(1, name.indexOf("__")))
          .map(Integer::parseInt).sorted().map(String::valueOf).toList();
    }
  }

  private static String latest() throws IOException, URISyntaxException {
    List<String> versions = fileVersions();
    return versions.get(versions.size() - 1);
  }

  private static Path folder() throws URISyntaxException {
    return Path.of(SqliteMigrationsTest.class.getClassLoader().getResource(FOLDER).toURI());
  }

  private static List<String> appliedVersions(Connection db) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteStore.FILE_NAME));
  }

  private static String text(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static void update(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }
}
