package org.openmaap.platform.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One JDBC connection with its prepared statements kept for reuse, used by one thread at a time:
 * to the SQLite file (the writer, or the reader that took it from the pool), or to PostgreSQL (one
 * operation's transaction, on a connection borrowed from the pool).
 */
final class SqlConnection implements AutoCloseable {

  /** The database on the other end, for the few places where SQLite and PostgreSQL differ. */
  enum Dialect {
    /** One writer at a time: whatever the writer reads stays true until its commit. */
    SQLITE,
    /** Concurrent writers: what an operation reads and then writes on, it locks. */
    POSTGRESQL
  }

  /** An operation's work on a connection, inside the transaction the store runs it in. */
  @FunctionalInterface
  interface Work<T> {
    T run(SqlConnection db) throws SQLException;
  }

  /** Maps the current row of a result set to a value. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  // Preparing costs about as much as running a small statement, so each SQL text is prepared once.
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  private SqlConnection(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** A connection of PostgreSQL's pool, for one operation; closing it gives it back. */
  static SqlConnection postgresql(Connection connection) {
    return new SqlConnection(connection, Dialect.POSTGRESQL);
  }

  static SqlConnection open(Path file) throws SQLException {
    Properties properties = new Properties();
    // Ids come from last_insert_rowid(); sqlite-jdbc would otherwise query the generated keys
    // after every INSERT and UPDATE, which cost the writer thread about a sixth of its time.
    properties.setProperty("jdbc.get_generated_keys", "false");
    return new SqlConnection(DriverManager.getConnection("jdbc:sqlite:" + file, properties),
        Dialect.SQLITE);
  }

  /**
   * Holds {@code key}'s lock until the transaction ends, so two operations on one thing (a
   * conversation's lane of events, a user's SMS parts) run one after the other: an advisory lock
   * on PostgreSQL; nothing on SQLite, whose single writer runs one operation at a time anyway.
   */
  void lock(String key) throws SQLException {
    if (dialect == Dialect.POSTGRESQL) {
      query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> 1, key);
    }
  }

  /** Appended to a SELECT whose rows the operation goes on to change: locks them. */
  String forUpdate() {
    return dialect == Dialect.POSTGRESQL ? " FOR UPDATE" : "";
  }

  /** Appended to a claim's SELECT: rows another transaction is claiming are passed over. */
  String skipLocked() {
    return dialect == Dialect.POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
  }

  /** Runs SQL without parameters or results: pragmas, DDL, transaction control. */
  void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Runs a cached statement without parameters or results (savepoints, BEGIN, COMMIT). */
  void run(String sql) throws SQLException {
    try {
      prepare(sql).execute();
    } catch (SQLException e) {
      throw evict(sql, e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE and answers how many rows it changed. */
  int update(String sql, Object... params) throws SQLException {
    try {
      return bind(sql, params).executeUpdate();
    } catch (SQLException e) {
      throw evict(sql, e);
    }
  }

  /**
   * Runs an INSERT, UPDATE or DELETE once for each list of parameters, as one JDBC batch, and
   * answers how many rows each run changed.
   */
  int[] updateEach(String sql, List<Object[]> params) throws SQLException {
    if (params.isEmpty()) {
      return new int[0];
    }
    try {
      PreparedStatement statement = prepare(sql);
      for (Object[] row : params) {
        for (int i = 0; i < row.length; i++) {
          statement.setObject(i + 1, row[i]);
        }
        statement.addBatch();
      }
      return statement.executeBatch();
    } catch (SQLException e) {
      throw evict(sql, e);
    }
  }

  <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
    List<T> rows = new ArrayList<>();
    // Closing the result set ends the read transaction, so WAL checkpoints are not held back.
    try (ResultSet resultSet = bind(sql, params).executeQuery()) {
      while (resultSet.next()) {
        rows.add(mapper.map(resultSet));
      }
    } catch (SQLException e) {
      throw evict(sql, e);
    }
    return rows;
  }

  <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (ResultSet resultSet = bind(sql, params).executeQuery()) {
      return resultSet.next() ? Optional.of(mapper.map(resultSet)) : Optional.empty();
    } catch (SQLException e) {
      throw evict(sql, e);
    }
  }

  /** The value of the single-row, single-column answer of a PRAGMA or SELECT. */
  String scalar(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      return resultSet.next() ? resultSet.getString(1) : null;
    }
  }

  /** Commits the transaction of a connection that is not in auto-commit mode (PostgreSQL's). */
  void commit() throws SQLException {
    connection.commit();
  }

  /** Undoes the transaction after {@code cause}; a failure to undo is added to the cause. */
  void rollback(Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** The JDBC connection underneath, for Flyway's migrations at open. */
  Connection jdbc() {
    return connection;
  }

  boolean isClosed() throws SQLException {
    return connection.isClosed();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.close();
    }
    statements.clear();
    connection.close();
  }

  // sqlite-jdbc finalizes a statement that failed with anything but BUSY, LOCKED or CONSTRAINT
  // (SQLITE_FULL, IOERR, ...), so a failed statement is prepared afresh next time.
  private SQLException evict(String sql, SQLException cause) {
    PreparedStatement statement = statements.remove(sql);
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        cause.addSuppressed(e);
      }
    }
    return cause;
  }

  private PreparedStatement bind(String sql, Object... params) throws SQLException {
    PreparedStatement statement = prepare(sql);
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }
}
