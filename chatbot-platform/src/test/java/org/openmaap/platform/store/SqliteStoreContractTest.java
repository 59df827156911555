package org.openmaap.platform.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store against the {@link StoreContract}, each test on a new file. */
class SqliteStoreContractTest extends StoreContract {

  @TempDir Path dir;

  @Override
  protected Future<? extends Store> open(Vertx vertx) {
    return SqliteStore.open(vertx, dir);
  }
}
