package org.openmaap.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openmaap.platform.ApiError;

class SendWindowTest {

  private static final SendWindow DAYTIME_SHANGHAI = SendWindow.parse(new JsonObject()
      .put("from", "09:00").put("to", "21:00").put("timeZone", "Asia/Shanghai"));
  private static final SendWindow OVERNIGHT_UTC = SendWindow.parse(new JsonObject()
      .put("from", "22:00").put("to", "06:30").put("timeZone", "UTC"));

  @Test
  void opensAt_insideTheWindow_isNow() {
    Instant tenInShanghai = Instant.parse("2026-12-07T02:00:00Z");

    assertThat(DAYTIME_SHANGHAI.opensAt(tenInShanghai)).isEqualTo(tenInShanghai);
  }

  @Test
  void opensAt_afterTheWindow_isItsStartTheNextDay_inItsTimeZone() {
    Instant elevenPmInShanghai = Instant.parse("2026-12-07T15:00:00Z");

    assertThat(DAYTIME_SHANGHAI.opensAt(elevenPmInShanghai))
        .isEqualTo(Instant.parse("2026-12-08T01:00:00Z"));
  }

  @Test
  void opensAt_beforeTheWindow_isItsStartThatDay() {
    Instant sevenAmInShanghai = Instant.parse("2026-12-06T23:00:00Z");

    assertThat(DAYTIME_SHANGHAI.opensAt(sevenAmInShanghai))
        .isEqualTo(Instant.parse("2026-12-07T01:00:00Z"));
  }

  @Test
  void opensAt_overMidnight_holdsOnBothSidesOfIt_andWaitsInTheDay() {
    Instant lateEvening = Instant.parse("2026-12-07T23:15:00Z");
    Instant earlyMorning = Instant.parse("2026-12-08T05:00:00Z");
    Instant noon = Instant.parse("2026-12-08T12:00:00Z");

    assertThat(OVERNIGHT_UTC.opensAt(lateEvening)).isEqualTo(lateEvening);
    assertThat(OVERNIGHT_UTC.opensAt(earlyMorning)).isEqualTo(earlyMorning);
    assertThat(OVERNIGHT_UTC.opensAt(noon)).isEqualTo(Instant.parse("2026-12-08T22:00:00Z"));
  }

  @Test
  void parse_badMembers_areA400NamingThem() {
    assertThatThrownBy(() -> SendWindow.parse(new JsonObject().put("from", "09:00")
        .put("to", "09:00").put("timeZone", "UTC")))
        .isInstanceOf(ApiError.class).hasMessageContaining("differ");
    assertThatThrownBy(() -> SendWindow.parse(new JsonObject().put("from", "09:00")
        .put("to", "21:00").put("timeZone", "Mars/Olympus")))
        .isInstanceOf(ApiError.class).hasMessageContaining("window.timeZone");
    assertThatThrownBy(() -> SendWindow.parse("always"))
        .isInstanceOf(ApiError.class).hasMessageContaining("window must be");
  }

  @Test
  void toJson_readsBackAsTheSameWindow() {
    assertThat(SendWindow.fromJson(DAYTIME_SHANGHAI.toJson().encode()))
        .isEqualTo(DAYTIME_SHANGHAI);
  }
}
