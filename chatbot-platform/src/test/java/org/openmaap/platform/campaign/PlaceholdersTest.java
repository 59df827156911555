package org.openmaap.platform.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

  private static final JsonObject CARD = new JsonObject().put("richcardMessage", new JsonObject()
      .put("title", "Hi {{ name }}").put("media", new JsonObject()
          .put("mediaUrl", "https://example.com/{{code}}.png").put("height", 3))
      .put("suggestions", new JsonArray().add(new JsonObject().put("displayText", "{{name}}!"))));

  @Test
  void names_everywhereInTheMessage_sortedOnce() {
    assertThat(Placeholders.names(CARD)).containsExactly("code", "name");
  }

  @Test
  void fill_replacesEveryPlaceholder_takingValuesLiterally() throws Exception {
    JsonObject filled = Placeholders.fill(CARD, Map.of("name", "$1 \\ \"Li\"", "code", 42));

    JsonObject card = filled.getJsonObject("richcardMessage");
    assertThat(card.getString("title")).isEqualTo("Hi $1 \\ \"Li\"");
    assertThat(card.getJsonObject("media").getString("mediaUrl"))
        .isEqualTo("https://example.com/42.png");
    assertThat(card.getJsonObject("media").getInteger("height")).isEqualTo(3);
    assertThat(card.getJsonArray("suggestions").getJsonObject(0).getString("displayText"))
        .isEqualTo("$1 \\ \"Li\"!");
    assertThat(CARD.getJsonObject("richcardMessage").getString("title")).isEqualTo("Hi {{ name }}");
  }

  @Test
  void fill_missingVariable_namesIt() {
    assertThatThrownBy(() -> Placeholders.fill(CARD, Map.of("name", "Li")))
        .isInstanceOf(Placeholders.Missing.class).hasMessageContaining("'code'");
  }
}
