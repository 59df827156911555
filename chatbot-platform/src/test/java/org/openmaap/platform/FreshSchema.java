package org.openmaap.platform;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openmaap.platform.store.DatabaseUrl;
import org.openmaap.platform.store.TestPostgres;

/**
 * A new schema of the test PostgreSQL server for each test's platform (skipped without a server,
 * unless CI=true), dropped after the test; registered as an extension, whose callback runs after
 * every @AfterEach, so once the platform has stopped.
 */
final class FreshSchema implements AfterEachCallback {

  private String schema;

  /** {@code config} with its rows in a new schema. */
  PlatformConfig on(PlatformConfig config) {
    schema = TestPostgres.freshSchema();
    return config.withStore(new StoreConfig(DatabaseUrl.parse(schema), 4, null,
        StoreConfig.DEFAULT_LEASE));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (schema != null) {
      TestPostgres.drop(schema);
      schema = null;
    }
  }
}
