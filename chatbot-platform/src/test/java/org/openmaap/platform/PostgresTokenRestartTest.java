package org.openmaap.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openmaap.platform.store.DatabaseUrl;
import org.openmaap.platform.store.TestPostgres;

/**
 * {@link TokenRestartTest} with the platform's rows in PostgreSQL (a new schema of the test server
 * each time; skipped without one, unless CI=true), as a node of a cluster keeps them.
 */
class PostgresTokenRestartTest extends TokenRestartTest {

  private String schema;

  @Override
  PlatformConfig config(Path dataDir) {
    schema = TestPostgres.freshSchema();
    return super.config(dataDir).withStore(new StoreConfig(DatabaseUrl.parse(schema), 4, null,
        StoreConfig.DEFAULT_LEASE));
  }

  // An extension's callback runs after every @AfterEach, so once the platform has stopped.
  @RegisterExtension
  final AfterEachCallback dropSchema = context -> {
    if (schema != null) {
      TestPostgres.drop(schema);
    }
  };
}
