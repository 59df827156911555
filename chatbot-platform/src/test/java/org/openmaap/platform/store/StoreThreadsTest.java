package org.openmaap.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openmaap.platform.store.Rows.T0;
import static org.openmaap.platform.store.Rows.chatbot;
import static org.openmaap.platform.store.Rows.event;
import static org.openmaap.platform.store.Rows.toUser;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreThreadsTest {

  private final Vertx vertx = Vertx.vertx();
  @TempDir Path dir;

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void operations_calledOnAnEventLoop_runJdbcOffItAndAnswerOnTheCallersContext() {
    Context caller = vertx.getOrCreateContext();
    List<String> jdbcThreads = Collections.synchronizedList(new ArrayList<>());
    List<Boolean> answeredOnCaller = Collections.synchronizedList(new ArrayList<>());
    Function<Object, Future<Object>> onCaller = any -> {
      answeredOnCaller.add(Vertx.currentContext() == caller);
      return Future.succeededFuture(any);
    };

    Future<Object> done = Future.future(p -> caller.runOnContext(v -> {
      assertThat(Context.isOnEventLoopThread()).isTrue();
      SqliteStore.open(vertx, dir)
          .compose(store -> {
            store.beforeEachOperation(() -> jdbcThreads.add(
                (Context.isOnEventLoopThread() ? "event loop " : "")
                    + Thread.currentThread().getName()));
            return store.insertChatbot(chatbot("bot-one", "client-1")).compose(onCaller)
                .compose(x -> store.chatbot("bot-one")).compose(onCaller)
                .compose(x -> store.conversation("bot-one", "+86138", "c-1", T0))
                .compose(onCaller)
                .compose(x -> store.insertMessage(toUser("bot-one", "m1", "+86138", "pending")))
                .compose(onCaller)
                .compose(x -> store.insertEvent(event("e1", "bot-one"))).compose(onCaller)
                .compose(x -> store.pendingEvents()).compose(onCaller)
                .compose(x -> store.close()).compose(onCaller);
          })
          .onComplete(p);
    }));
    done.await();

    assertThat(answeredOnCaller).hasSize(7).containsOnly(true);
    assertThat(jdbcThreads).isNotEmpty().noneMatch(name -> name.startsWith("event loop"));
    assertThat(jdbcThreads).anyMatch(name -> name.contains("-writer"))
        .anyMatch(name -> name.contains("-reader"));
  }
}
