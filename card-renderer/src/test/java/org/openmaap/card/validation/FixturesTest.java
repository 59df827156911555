package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.CardJson;
import org.openmaap.card.model.Document;

class FixturesTest {

  static Stream<String> validCards() {
    return Fixtures.VALID_CARDS.stream();
  }

  static Stream<Arguments> invalidCards() {
    JsonNode expected = Fixtures.json("cards/invalid/expected.json");
    List<Arguments> cases = new ArrayList<>();
    expected.fields().forEachRemaining(e -> cases.add(Arguments.of(e.getKey(), e.getValue())));
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void validate_validFixture_hasNoError(String name) {
    Validation validation = Validator.validate(Fixtures.bytes("cards/valid/" + name));

    assertThat(validation.errors()).isEmpty();
    assertThat(validation.valid()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("validCards")
  void document_validFixture_roundTripsToTheSameJson(String name) {
    JsonNode original = Fixtures.json("cards/valid/" + name);

    Document document = Validator.validate(Fixtures.bytes("cards/valid/" + name)).document();
    JsonNode written = CardJson.toTree(document);

    assertThat(JsonValues.same(written, original))
        .as("%s written back as %s", name, written)
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("invalidCards")
  void validate_invalidFixture_reportsTheExpectedViolations(String name, JsonNode expected) {
    Validation validation = Validator.validate(Fixtures.bytes("cards/invalid/" + name));

    assertThat(validation.valid()).isFalse();
    for (JsonNode pair : expected) {
      assertThat(validation.violations())
          .as("violations of %s", name)
          .anySatisfy(v -> {
            assertThat(v.path()).isEqualTo(pair.get(0).asText());
            assertThat(v.code().wireName()).isEqualTo(pair.get(1).asText());
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
          });
    }
  }
}
