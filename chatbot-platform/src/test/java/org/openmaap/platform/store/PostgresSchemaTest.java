package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PostgreSQL migrations, through Flyway as the store runs them, against the SQLite ones. */
class PostgresSchemaTest {

  private String schemaUrl;
  private DatabaseUrl url;
  private String schema;

  @BeforeEach
  void migrate() {
    schemaUrl = TestPostgres.freshSchema();
    url = DatabaseUrl.parse(schemaUrl);
    schema = url.params().get("currentSchema");
    Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .schemas(schema)
        .locations("classpath:db/migration/postgresql")
        .placeholderReplacement(false)
        .load()
        .migrate();
  }

  @AfterEach
  void drop() {
    TestPostgres.drop(schemaUrl);
  }

  @Test
  void migrate_freshSchema_makesTheTablesAndColumnsOfTheSqliteSchema(@TempDir Path dir)
      throws SQLException {
    Map<String, List<String>> postgres;
    try (Connection db = TestPostgres.connect(url)) {
      postgres = columns(db, """
          SELECT table_name, column_name FROM information_schema.columns
          WHERE table_schema = ? AND table_name <> 'flyway_schema_history'
            AND NOT (table_name = 'sms_parts' AND column_name = 'rowid')
          ORDER BY table_name, ordinal_position""", schema);
    }
    Map<String, List<String>> sqlite;
    try (Connection db = sqlite(dir)) {
      sqlite = columns(db, """
          SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c
          WHERE m.type = 'table' AND m.name NOT IN ('sqlite_sequence', 'flyway_schema_history')
          ORDER BY m.name, c.cid""");
    }

    assertThat(postgres).containsKeys("chatbots", "conversations", "messages", "message_history",
        "devices", "events", "work", "sms_parts", "sms_submits", "files", "sms_contacts",
        "sms_opt_outs", "platform_secrets", "sms_mo_parts", "sms_mo_seen");
    assertThat(postgres).isEqualTo(sqlite);
  }

  @Test
  void migrate_freshSchema_makesTheNamedIndexesOfTheSqliteSchema(@TempDir Path dir)
      throws SQLException {
    List<String> postgres;
    try (Connection db = TestPostgres.connect(url)) {
      postgres = strings(db, "SELECT indexname FROM pg_indexes WHERE schemaname = ?", schema);
    }
    List<String> sqlite;
    try (Connection db = sqlite(dir)) {
      sqlite = strings(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND sql NOT NULL");
    }

    assertThat(sqlite).contains("work_lanes", "work_claimed", "messages_to_users");
    assertThat(postgres).containsAll(sqlite);
  }

  @Test
  void migrate_freshSchema_makesTheChatIdSecret() throws SQLException {
    try (Connection db = TestPostgres.connect(url)) {
      assertThat(strings(db, "SELECT value FROM platform_secrets WHERE name = 'chat_id'"))
          .singleElement().asString().matches("[0-9a-f]{64}");
    }
  }

  @Test
  void smsParts_idInAnotherCase_isTheSamePartAndPartsKeepTheirOrder() throws SQLException {
    try (Connection db = TestPostgres.connect(url)) {
      update(db, "INSERT INTO sms_parts (smsc_id, bot_id, msg_id, created_at) VALUES (?, ?, ?, ?)",
          "B2", "bot", "m1", 1L);
      update(db, "INSERT INTO sms_parts (smsc_id, bot_id, msg_id, created_at) VALUES (?, ?, ?, ?)",
          "a1", "bot", "m1", 2L);

      update(db, "UPDATE sms_parts SET stat = ? WHERE smsc_id = ?", "DELIVRD", "b2");

      assertThat(strings(db, "SELECT smsc_id || ':' || coalesce(stat, '-') FROM sms_parts"
          + " WHERE bot_id = ? AND msg_id = ? ORDER BY rowid", "bot", "m1"))
          .containsExactly("B2:DELIVRD", "a1:-");
    }
  }

  // The SQLite schema as the SQLite store's migrations leave it.
  private static Connection sqlite(Path dir) throws SQLException {
    String file = "jdbc:sqlite:" + dir.resolve("store.db");
    Flyway.configure()
        .dataSource(file, "", "")
        .locations(Migrations.LOCATION)
        .placeholderReplacement(false)
        .load()
        .migrate();
    return DriverManager.getConnection(file);
  }

  private static Map<String, List<String>> columns(Connection db, String sql, Object... args)
      throws SQLException {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    try (ResultSet rows = query(db, sql, args)) {
      while (rows.next()) {
        columns.computeIfAbsent(rows.getString(1), table -> new ArrayList<>())
            .add(rows.getString(2));
      }
    }
    return columns;
  }

  private static List<String> strings(Connection db, String sql, Object... args)
      throws SQLException {
    List<String> strings = new ArrayList<>();
    try (ResultSet rows = query(db, sql, args)) {
      while (rows.next()) {
        strings.add(rows.getString(1));
      }
    }
    return strings;
  }

  private static ResultSet query(Connection db, String sql, Object... args) throws SQLException {
    PreparedStatement statement = prepare(db, sql, args);
    statement.closeOnCompletion();
    return statement.executeQuery();
  }

  private static void update(Connection db, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepare(db, sql, args)) {
      statement.executeUpdate();
    }
  }

  private static PreparedStatement prepare(Connection db, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = db.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
