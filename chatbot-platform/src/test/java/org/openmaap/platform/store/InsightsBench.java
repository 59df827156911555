package org.openmaap.platform.store;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long {@link Store#hourCounts} takes on 1,000,000 messages spread over 31 days, half of them
 * one bot's ({@code bot-0}) and the rest five others': one bot's last day or whole month, and
 * every bot's last day or whole month, on SQLite and on the test PostgreSQL server.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class InsightsBench {

  static final int MESSAGES = 1_000_000;
  static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
  static final Duration SPAN = Duration.ofDays(31);

  // Made in SQL, so that a million rows take seconds: 70% to users (on RCS, or SMS for a fifth,
  // in every final status), 30% from users, a third of those tapped suggestions.
  private static final String FILL = """
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
      INSERT INTO messages (bot_id, msg_id, direction, user_contact, conversation_id,
        contribution_id, rcs_message_json, status, channel, created_at, updated_at)
      SELECT CASE WHEN i % 2 = 0 THEN 'bot-0' ELSE 'bot-' || (i % 10) END, 'm-' || i,
        CASE WHEN i % 10 < 7 THEN 'BOT_TO_USER' ELSE 'USER_TO_BOT' END,
        '+86138' || (10000 + i % 10000), 'conv', 'contrib-' || i,
        CASE WHEN i % 10 = 7
          THEN '{"suggestedResponse":{"response":{"reply":{"displayText":"Yes"}}},"msgId":"m"}'
          ELSE '{"textMessage":"Your order has shipped, track it in the app","msgId":"m"}' END,
        CASE i % 5 WHEN 0 THEN 'displayed' WHEN 1 THEN 'delivered' WHEN 2 THEN 'deliveredAsSms'
          WHEN 3 THEN 'failed' ELSE 'sent' END,
        CASE WHEN i % 5 = 2 THEN 'sms' ELSE 'rcs' END,
        ? + i * ?, ? + i * ?
      FROM n""";

  @Param({"sqlite", "postgresql"})
  public String store;

  @Param({"bot-day", "bot-month", "all-day", "all-month"})
  public String query;

  private Vertx vertx;
  private Path dir;
  private String schema;
  private SqlStore opened;
  private String botId;
  private Instant from;
  private Instant to;

  @Setup
  public void fill() throws IOException {
    vertx = Vertx.vertx();
    if (store.equals("sqlite")) {
      dir = Files.createTempDirectory("openmaap-insights-bench");
      opened = SqliteStore.open(vertx, dir).await();
    } else {
      schema = TestPostgres.freshSchema();
      opened = PostgresStore.open(vertx, DatabaseUrl.parse(schema)).await();
    }
    long step = SPAN.toMillis() / MESSAGES;
    long start = START.toEpochMilli();
    opened.write(db -> db.update(FILL, MESSAGES - 1, start, step, start, step)).await();
    if (store.equals("postgresql")) {
      // What autovacuum does after a bulk insert, so the planner knows the table's size.
      opened.write(db -> db.update("ANALYZE messages")).await();
    }
    botId = query.startsWith("bot") ? "bot-0" : null;
    to = START.plus(SPAN);
    from = query.endsWith("day") ? to.minus(Duration.ofDays(1)) : START;
  }

  @TearDown
  public void close() throws IOException {
    opened.close().await();
    vertx.close().await();
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
    if (schema != null) {
      TestPostgres.drop(schema);
    }
  }

  @Benchmark
  public List<HourCounts> hourCounts() {
    return opened.hourCounts(botId, from, to).await();
  }
}
