package org.openmaap.platform.store;

import io.vertx.core.Context;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens to one NOTIFY channel on a connection of its own, on a thread of its own (pgJDBC's
 * notifications are read by polling a blocking connection), and hands each payload to a handler
 * on a Vert.x context. A lost connection is opened again, a second later at most, and the handler
 * is told that signals may have been lost ({@link Store#SIGNALS_LOST}).
 */
final class PostgresListener {

  private static final Logger LOG = Logger.getLogger(PostgresListener.class.getName());
  private static final int POLL_MILLIS = 250;
  private static final long RECONNECT_MILLIS = 1000;

  private final DatabaseUrl url;
  private final String channel;
  private final Context context;
  private final Consumer<String> handler;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;

  PostgresListener(DatabaseUrl url, String channel, Context context, Consumer<String> handler) {
    this.url = url;
    this.channel = channel;
    this.context = context;
    this.handler = handler;
    this.thread = new Thread(this::run, "openmaap-postgres-listener");
    thread.setDaemon(true);
  }

  /** Starts listening; answers once the LISTEN is in place, so no later NOTIFY is missed. */
  void start() throws SQLException {
    connection = listen();
    thread.start();
  }

  void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(connection);
  }

  private Connection listen() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", url.user());
    if (url.password() != null) {
      properties.setProperty("password", url.password());
    }
    Connection opened = DriverManager.getConnection(url.jdbcUrl(), properties);
    try (Statement statement = opened.createStatement()) {
      statement.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
    } catch (SQLException e) {
      closeQuietly(opened);
      throw e;
    }
    return opened;
  }

  private void run() {
    while (!closed) {
      try {
        if (connection == null) {
          connection = listen();
          // Whatever was sent while the connection was down is lost: the handler reads again.
          context.runOnContext(v -> handler.accept(Store.SIGNALS_LOST));
        }
        PGNotification[] notifications = connection.unwrap(PGConnection.class)
            .getNotifications(POLL_MILLIS);
        if (notifications != null) {
          for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            context.runOnContext(v -> handler.accept(payload));
          }
        }
      } catch (SQLException e) {
        if (closed) {
          return;
        }
        LOG.log(Level.WARNING, "listening for signals on " + url.host() + ":" + url.port()
            + " failed, trying again: " + e.getMessage());
        closeQuietly(connection);
        connection = null;
        try {
          Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing after a failure or at shutdown: nothing left to do with it.
    }
  }
}
