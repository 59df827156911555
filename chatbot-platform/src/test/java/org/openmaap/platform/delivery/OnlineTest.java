package org.openmaap.platform.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The links of each number: one per kind, every link gets what the number gets. */
class OnlineTest {

  private static final String USER = "+8613800000001";

  private final Online online = new Online();

  @Test
  void connect_secondLinkOfTheSameKind_replacesTheFirst() {
    FakeLink first = FakeLink.websocket();
    FakeLink second = FakeLink.websocket();
    online.connect(USER, first);

    online.connect(USER, second);
    boolean handed = online.deliver(USER, message("m1")).await();

    assertThat(handed).isTrue();
    assertThat(first.delivered()).isEmpty();
    assertThat(second.delivered()).containsExactly("m1");
  }

  @Test
  void connect_linksOfDifferentKinds_coexist_andEachGetsTheMessage() {
    FakeLink websocket = FakeLink.websocket();
    FakeLink sip = FakeLink.sip();
    online.connect(USER, websocket);

    online.connect(USER, sip);
    online.deliver(USER, message("m1")).await();

    assertThat(websocket.delivered()).containsExactly("m1");
    assertThat(sip.delivered()).containsExactly("m1");
    assertThat(online.count()).isEqualTo(1);
  }

  @Test
  void disconnect_oneOfTwoLinks_leavesTheNumberOnline_theLastTakesItOffline() {
    FakeLink websocket = FakeLink.websocket();
    FakeLink sip = FakeLink.sip();
    online.connect(USER, websocket);
    online.connect(USER, sip);

    online.disconnect(USER, websocket);

    assertThat(online.isConnected(USER)).isTrue();
    online.disconnect(USER, sip);
    assertThat(online.isConnected(USER)).isFalse();
    assertThat(online.deliver(USER, message("m1")).await()).isFalse();
  }

  @Test
  void disconnect_ofAReplacedLink_leavesTheNewerOne() {
    FakeLink first = FakeLink.websocket();
    FakeLink second = FakeLink.websocket();
    online.connect(USER, first);
    online.connect(USER, second);

    // The old socket's close comes after the new one connected.
    online.disconnect(USER, first);

    assertThat(online.isConnected(USER)).isTrue();
    assertThat(online.session(USER, second)).isPresent();
  }

  @Test
  void deliver_aMessageTheLinkHasAlready_isNotWrittenAgain() {
    FakeLink link = FakeLink.websocket();
    online.connect(USER, link);

    online.deliver(USER, message("m1")).await();
    boolean again = online.deliver(USER, message("m1")).await();

    assertThat(again).isTrue();
    assertThat(link.delivered()).containsExactly("m1");
  }

  @Test
  void deliver_onALinkWhoseWriteFails_dropsThatLink_andKeepsTheOther() {
    FakeLink gone = FakeLink.sip();
    FakeLink websocket = FakeLink.websocket();
    online.connect(USER, gone);
    online.connect(USER, websocket);
    gone.failWrites();

    boolean handed = online.deliver(USER, message("m1")).await();

    assertThat(handed).isTrue();
    assertThat(online.session(USER, gone)).isEmpty();
    assertThat(online.session(USER, websocket)).isPresent();
  }

  @Test
  void deliver_whenEveryWriteFails_answersFalse_andTheNumberIsOffline() {
    FakeLink gone = FakeLink.websocket();
    online.connect(USER, gone);
    gone.failWrites();

    boolean handed = online.deliver(USER, message("m1")).await();

    assertThat(handed).isFalse();
    assertThat(online.isConnected(USER)).isFalse();
    assertThat(online.botOf(USER, "m1")).isEmpty();
  }

  @Test
  void botOf_aMessageHandedToOneLink_isKnownWhicheverLinkReports() {
    FakeLink websocket = FakeLink.websocket();
    online.connect(USER, websocket);
    online.deliver(USER, message("m1")).await();

    online.connect(USER, FakeLink.sip());

    assertThat(online.botOf(USER, "m1")).contains("coffee");
  }

  @Test
  void revoke_goesToEveryLinkThatWasHandedTheMessage() {
    FakeLink websocket = FakeLink.websocket();
    FakeLink sip = FakeLink.sip();
    online.connect(USER, websocket);
    online.connect(USER, sip);
    online.deliver(USER, message("m1")).await();
    FakeLink later = new FakeLink("load-tool");
    online.connect(USER, later);

    boolean revoked = online.revoke(USER, "coffee", "m1");

    assertThat(revoked).isTrue();
    assertThat(websocket.revoked()).containsExactly("m1");
    assertThat(sip.revoked()).containsExactly("m1");
    assertThat(later.revoked()).isEmpty();
  }

  @Test
  void forget_aReadMessage_isUnknownOnEveryLink() {
    online.connect(USER, FakeLink.websocket());
    online.connect(USER, FakeLink.sip());
    online.deliver(USER, message("m1")).await();

    online.forget(USER, "m1");

    assertThat(online.botOf(USER, "m1")).isEmpty();
  }

  private static DeviceMessage message(String msgId) {
    return new DeviceMessage(msgId, "coffee", new DeviceMessage.Card("Coffee", null, null),
        new JsonObject().put("textMessage", "hello"), "conv-1", "contrib-" + msgId);
  }
}
