package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestPostgresTest {

  // Nothing listens on port 1: the connection is refused at once.
  private static final String NO_SERVER = "postgresql://who:hunter2@127.0.0.1:1/nowhere";

  @Test
  void server_noVariable_isWhatCiRunMakes() {
    assertThat(TestPostgres.server(Map.of())).isEqualTo(
        new DatabaseUrl("127.0.0.1", 5432, "openmaap", "openmaap", "openmaap", Map.of()));
  }

  @Test
  void server_variableSet_isThatUrl() {
    assertThat(TestPostgres.server(Map.of(TestPostgres.URL_VARIABLE, NO_SERVER)).port())
        .isEqualTo(1);
  }

  @Test
  void freshSchema_noServerOutsideCi_skipsNamingTheUrlButNotThePassword() {
    assertThatThrownBy(() -> TestPostgres.freshSchema(Map.of(TestPostgres.URL_VARIABLE, NO_SERVER)))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no PostgreSQL server for the tests at"
            + " postgresql://who:***@127.0.0.1:1/nowhere")
        .hasMessageContaining("run .ci/run")
        .hasMessageContaining("set OPENMAAP_TEST_DATABASE_URL")
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void freshSchema_noServerOnCi_fails() {
    assertThatThrownBy(() -> TestPostgres.freshSchema(
        Map.of(TestPostgres.URL_VARIABLE, NO_SERVER, "CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("no PostgreSQL server for the tests at"
            + " postgresql://who:***@127.0.0.1:1/nowhere");
  }

  @Test
  void drop_null_doesNothing() {
    assertThatCode(() -> TestPostgres.drop(null)).doesNotThrowAnyException();
  }

  /** What needs the server: skipped without one, as the tests that use the helper are. */
  @Nested
  class WithServer {

    private String schemaUrl;

    @BeforeEach
    void freshSchema() {
      schemaUrl = TestPostgres.freshSchema();
    }

    @AfterEach
    void drop() {
      TestPostgres.drop(schemaUrl);
    }

    @Test
    void freshSchema_url_isTheSchemaNewTablesGoTo() throws SQLException {
      DatabaseUrl url = DatabaseUrl.parse(schemaUrl);
      String schema = url.params().get("currentSchema");

      try (Connection db = TestPostgres.connect(url); Statement statement = db.createStatement()) {
        statement.execute("CREATE TABLE probe (id BIGINT)");

        assertThat(schema).matches("t_[0-9a-f]{32}");
        assertThat(count(statement, "SELECT count(*) FROM information_schema.tables"
            + " WHERE table_schema = '" + schema + "' AND table_name = 'probe'")).isEqualTo(1);
      }
    }

    @Test
    void drop_schemaWithATable_removesIt() throws SQLException {
      DatabaseUrl url = DatabaseUrl.parse(schemaUrl);
      String schema = url.params().get("currentSchema");
      try (Connection db = TestPostgres.connect(url); Statement statement = db.createStatement()) {
        statement.execute("CREATE TABLE probe (id BIGINT)");
      }

      TestPostgres.drop(schemaUrl);

      try (Connection db = TestPostgres.connect(url); Statement statement = db.createStatement()) {
        assertThat(count(statement, "SELECT count(*) FROM information_schema.schemata"
            + " WHERE schema_name = '" + schema + "'")).isZero();
      }
    }

    @Test
    void drop_schemaAlreadyGone_isQuiet() {
      TestPostgres.drop(schemaUrl);

      assertThatCode(() -> TestPostgres.drop(schemaUrl)).doesNotThrowAnyException();
    }

    @Test
    void freshSchema_loginRefused_skipsNamingTheUrlButNotThePassword() {
      DatabaseUrl server = TestPostgres.server(System.getenv());
      DatabaseUrl stranger = new DatabaseUrl(server.host(), server.port(), server.database(),
          "no_such_role", "hunter2", Map.of());

      assertThatThrownBy(() -> TestPostgres.freshSchema(
          Map.of(TestPostgres.URL_VARIABLE, stranger.url())))
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining("no PostgreSQL server for the tests at " + stranger.redacted())
          .hasMessageContaining("no_such_role")
          .hasMessageNotContaining("hunter2");
    }
  }

  private static long count(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
