package org.openmaap.platform.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The schema: Flyway applies the SQL files of {@value #LOCATION} (SQLite) or {@value #POSTGRESQL}
 * that the database has not had yet, so opening an older one brings it up to date and a newer one
 * is refused.
 */
final class Migrations {

  /** Where the SQLite migrations are, one file per version; the PostgreSQL store has its own. */
  static final String LOCATION = "classpath:db/migration/sqlite";

  /** Where the PostgreSQL migrations are: the same schema, written for PostgreSQL. */
  static final String POSTGRESQL = "classpath:db/migration/postgresql";

  // The table of the hand-rolled migrations that came before Flyway (versions 1 to 5).
  private static final String LEGACY_TABLE = "schema_version";

  private Migrations() {}

  /** Brings the database behind {@code db} up to the latest version, one transaction each. */
  static void migrate(SqlConnection db) throws SQLException {
    int legacy = legacyVersion(db);
    FluentConfiguration configuration = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(new OneConnection(db.jdbc()))
        .locations(LOCATION)
        // The SQL is run as written: a "${" in a migration is text, not a placeholder.
        .placeholderReplacement(false);
    if (legacy > 0) {
      // A file of the hand-rolled migrations already has versions 1 to `legacy`.
      configuration.baselineOnMigrate(true)
          .baselineVersion(String.valueOf(legacy))
          .baselineDescription(LEGACY_TABLE + " " + legacy);
    }
    Flyway flyway = configuration.load();
    MigrationInfoService info = flyway.info();
    MigrationVersion latest = latest(info);
    Optional<MigrationVersion> current = legacy > 0
        ? Optional.of(MigrationVersion.fromVersion(String.valueOf(legacy)))
        : Optional.ofNullable(info.current()).map(MigrationInfo::getVersion);
    if (current.isPresent() && current.get().compareTo(latest) > 0) {
      throw new SQLException("the database has schema version " + current.get()
          + " but this build knows versions up to " + latest);
    }
    if (legacy == 0) {
      // Left by old code that died in its first migration, or by a crash before the drop below.
      db.execute("DROP TABLE IF EXISTS " + LEGACY_TABLE);
    }
    flyway.migrate();
    // Dropped once Flyway holds the version, so that an older build fails on this file instead
    // of reading a stale version from it.
    db.execute("DROP TABLE IF EXISTS " + LEGACY_TABLE);
  }

  /**
   * Brings the PostgreSQL database behind {@code pool} (its connections' current schema) up to
   * the latest version. Nodes starting at once are safe: Flyway takes a lock in the database.
   */
  static void migratePostgresql(DataSource pool) {
    Flyway flyway = Flyway.configure(Migrations.class.getClassLoader())
        .dataSource(pool)
        .locations(POSTGRESQL)
        .placeholderReplacement(false)
        .load();
    MigrationInfoService info = flyway.info();
    MigrationVersion latest = latest(info);
    MigrationInfo current = info.current();
    if (current != null && current.getVersion().compareTo(latest) > 0) {
      throw new IllegalStateException("the database has schema version " + current.getVersion()
          + " but this build knows versions up to " + latest);
    }
    flyway.migrate();
  }

  // The version this build's migrations bring a database to.
  private static MigrationVersion latest(MigrationInfoService info) {
    return Arrays.stream(info.all())
        .filter(migration -> migration.getState().isResolved())
        .map(MigrationInfo::getVersion)
        .max(Comparator.naturalOrder())
        .orElse(MigrationVersion.EMPTY);
  }

  // The version the old code recorded, 0 when the file has none (new, or Flyway's already).
  private static int legacyVersion(SqlConnection db) throws SQLException {
    boolean flyway = db.scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'flyway_schema_history'")
        != null;
    boolean legacy = db.scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '"
        + LEGACY_TABLE + "'") != null;
    if (flyway || !legacy) {
      return 0;
    }
    String version = db.scalar("SELECT max(version) FROM " + LEGACY_TABLE);
    return version == null ? 0 : Integer.parseInt(version);
  }

  /** Hands Flyway the store's own write connection, which Flyway's close must leave open. */
  private static final class OneConnection implements DataSource {

    private final Connection connection;

    OneConnection(Connection connection) {
      this.connection = (Connection) Proxy.newProxyInstance(
          Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            if (method.getName().equals("close") && method.getParameterCount() == 0) {
              return null;
            }
            try {
              return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }

    @Override
    public Connection getConnection() {
      return connection;
    }

    @Override
    public Connection getConnection(String username, String password) {
      return connection;
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
