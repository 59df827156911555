package org.openmaap.platform.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the test PostgreSQL server for each test that needs one, skipping the
 * test when there is no server, as NodeSupport does when node is missing.
 */
public final class TestPostgres {

  /** The environment variable naming the test server, as {@link DatabaseUrl} reads it. */
  public static final String URL_VARIABLE = "OPENMAAP_TEST_DATABASE_URL";

  /** The server, role and database that {@code .ci/run} makes. */
  public static final String DEFAULT_URL =
      "postgresql://openmaap:openmaap@127.0.0.1:5432/openmaap";

  private static final int TIMEOUT_SECONDS = 3;

  private static final String SETUP = "; run .ci/run (it starts PostgreSQL with that role and"
      + " database) or set " + URL_VARIABLE + " to postgresql://user:password@host:port/db";

  private TestPostgres() {}

  /**
   * Makes a new empty schema and answers its URL ({@code ?currentSchema=} the schema); skips the
   * calling test when the server cannot be reached or refuses the login, and fails it when CI=true.
   */
  public static String freshSchema() {
    return freshSchema(System.getenv());
  }

  /** The rule itself, with the environment passed in so it can be tested. */
  static String freshSchema(Map<String, String> env) {
    DatabaseUrl server = server(env);
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection db = connect(server); Statement statement = db.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      if (!unavailable(e)) {
        throw new IllegalStateException("could not make a schema on " + server.redacted(), e);
      }
      String missing = "no PostgreSQL server for the tests at " + server.redacted() + " ("
          + e.getMessage() + ")" + SETUP;
      // CI promises the server; a silent skip there would hide that the tests never ran.
      if ("true".equals(env.get("CI"))) {
        fail(missing);
      }
      Assumptions.abort(missing);
    }
    return server.withParam("currentSchema", schema).url();
  }

  /** Drops the schema of a {@link #freshSchema()} URL with all in it; nothing if null or gone. */
  public static void drop(String schemaUrl) {
    if (schemaUrl == null) {
      return;
    }
    DatabaseUrl url = DatabaseUrl.parse(schemaUrl);
    String schema = url.params().get("currentSchema");
    if (schema == null) {
      throw new IllegalArgumentException("the URL names no currentSchema: " + url.redacted());
    }
    try (Connection db = connect(url); Statement statement = db.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop schema " + schema + " on " + url.redacted(),
          e);
    }
  }

  /** The test server {@code env} names, or the default. */
  static DatabaseUrl server(Map<String, String> env) {
    String url = env.get(URL_VARIABLE);
    return DatabaseUrl.parse(url == null || url.isBlank() ? DEFAULT_URL : url);
  }

  /** A plain JDBC connection to {@code url}, given up after a few seconds. */
  static Connection connect(DatabaseUrl url) throws SQLException {
    Properties login = new Properties();
    login.setProperty("user", url.user());
    if (url.password() != null) {
      login.setProperty("password", url.password());
    }
    login.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
    login.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
    return DriverManager.getConnection(url.jdbcUrl(), login);
  }

  // No server, no such login or database: the machine is not set up, which the test is not about.
  private static boolean unavailable(SQLException e) {
    String state = e.getSQLState();
    return state != null
        && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
  }
}
