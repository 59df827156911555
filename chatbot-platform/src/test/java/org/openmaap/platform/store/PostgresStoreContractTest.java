package org.openmaap.platform.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL store against the {@link StoreContract}, each test in a new schema of the test
 * server ({@link TestPostgres}; skipped without one, unless CI=true).
 */
class PostgresStoreContractTest extends StoreContract {

  private String schema;

  @Override
  protected Future<? extends Store> open(Vertx vertx) {
    schema = TestPostgres.freshSchema();
    return PostgresStore.open(vertx, DatabaseUrl.parse(schema),
        new PostgresStore.Options(4, Duration.ofSeconds(5)));
  }

  // An extension's callback runs after every @AfterEach, so once the contract closed the store.
  @RegisterExtension
  final AfterEachCallback dropSchema = context -> {
    if (schema != null) {
      TestPostgres.drop(schema);
    }
  };
}
