package org.openmaap.platform;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every conversation of {@link ConversationTest}, with the platform's rows in PostgreSQL (a new
 * schema of the test server each time; skipped without one, unless CI=true).
 */
class PostgresConversationTest extends ConversationTest {

  @RegisterExtension
  final FreshSchema schema = new FreshSchema();

  @Override
  PlatformConfig config(Path dataDir) {
    return schema.on(super.config(dataDir));
  }
}
