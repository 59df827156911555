package org.openmaap.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TokenRestartTest} with the platform's rows in PostgreSQL (a new schema of the test server
 * each time; skipped without one, unless CI=true), as a node of a cluster keeps them.
 */
class PostgresTokenRestartTest extends TokenRestartTest {

  @RegisterExtension
  final FreshSchema schema = new FreshSchema();

  @Override
  PlatformConfig config(Path dataDir) {
    return schema.on(super.config(dataDir));
  }
}
