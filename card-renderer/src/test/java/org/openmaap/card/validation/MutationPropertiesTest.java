package org.openmaap.card.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.openmaap.card.Fixtures;
import org.openmaap.card.model.CardJson;

/**
 * Mutates valid documents (drop, duplicate, retype, lengthen, add members) and checks that the
 * validator only ever answers with violations, that every violation points into the document, and
 * that whatever it still calls valid binds to the model and round-trips.
 */
class MutationPropertiesTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Provide
  Arbitrary<JsonNode> validDocuments() {
    List<JsonNode> docs = new ArrayList<>();
    for (String name : Fixtures.VALID_CARDS) {
      docs.add(Fixtures.json("cards/valid/" + name));
    }
    docs.add(Docs.card());
    docs.add(Docs.carousel(3));
    docs.add(Docs.fileMessage());
    docs.add(Docs.chip("calendarAction", "createCalendarEvent", """
        {"startTime": "2026-12-01T08:00:00Z", "endTime": "2026-12-01T09:00:00Z", "title": "t"}"""));
    docs.add(Docs.chip("composeAction", "composeRecordingMessage",
        "{\"phoneNumber\": \"+8610086\", \"type\": \"VIDEO\"}"));
    docs.add(Docs.chip("settingsAction", "enableDisplayedNotifications", "{}"));
    docs.add(Docs.parse("""
        {"response": {"action": {"displayText": "Go", "postback": {"data": "go"}}}}"""));
    docs.add(Docs.parse("""
        {"sharedData": {"deviceSpecifics": {"deviceModel": "X1", "batteryRemainingMinutes": 90}}}"""));
    return Arbitraries.of(docs);
  }

  @Property(tries = 2000)
  void validate_mutatedDocument_onlyEverReturnsViolations(
      @ForAll("validDocuments") JsonNode original,
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 6) int mutations) {
    Random random = new Random(seed);
    JsonNode doc = original.deepCopy();
    for (int i = 0; i < mutations; i++) {
      doc = mutate(doc, random);
    }
    byte[] json = CardJson.write(doc).getBytes(StandardCharsets.UTF_8);

    Validation validation = Validator.validate(json);

    for (Violation v : validation.violations()) {
      assertThat(v.code()).isNotNull();
      assertThat(v.severity()).isNotNull();
      assertThat(v.message()).isNotBlank();
      assertThat(pointsIntoOrBeside(doc, v.path())).as("path %s in %s", v.path(), doc).isTrue();
    }
    if (validation.valid()) {
      JsonNode written = CardJson.toTree(validation.document());
      assertThat(JsonValues.same(written, validation.tree())).as("round trip of %s", doc).isTrue();
    }
  }

  /** The path names a node of the document, or a missing member of an object in it. */
  private static boolean pointsIntoOrBeside(JsonNode doc, String path) {
    if (path.isEmpty() || !doc.at(path).isMissingNode()) {
      return true;
    }
    return doc.at(path.substring(0, path.lastIndexOf('/'))).isObject();
  }

  private static JsonNode mutate(JsonNode doc, Random random) {
    List<String> pointers = new ArrayList<>();
    collect(doc, "", pointers);
    String target = pointers.get(random.nextInt(pointers.size()));
    if (target.isEmpty()) {
      return random.nextBoolean() ? retype(random) : doc;
    }
    int slash = target.lastIndexOf('/');
    JsonNode parent = doc.at(target.substring(0, slash));
    String token = target.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    JsonNode current = doc.at(target);
    switch (random.nextInt(6)) {
      case 0 -> remove(parent, token);
      case 1 -> duplicate(parent, token, current);
      case 2 -> replace(parent, token, retype(random));
      case 3 -> replace(parent, token, lengthen(current, random));
      case 4 -> {
        if (parent instanceof ObjectNode object) {
          object.set(token + "x", current.deepCopy());
        }
      }
      default -> {
        if (current instanceof ObjectNode object) {
          object.set("unknown" + random.nextInt(3), retype(random));
        }
      }
    }
    return doc;
  }

  private static void collect(JsonNode node, String at, List<String> out) {
    out.add(at);
    if (node.isObject()) {
      node.fields().forEachRemaining(e ->
          collect(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), at + "/" + i, out);
      }
    }
  }

  private static void remove(JsonNode parent, String token) {
    if (parent instanceof ObjectNode object) {
      object.remove(token);
    } else if (parent instanceof ArrayNode array) {
      array.remove(Integer.parseInt(token));
    }
  }

  private static void duplicate(JsonNode parent, String token, JsonNode current) {
    if (parent instanceof ArrayNode array) {
      array.insert(Integer.parseInt(token), current.deepCopy());
    } else if (parent instanceof ObjectNode object) {
      object.set(token + "2", current.deepCopy());
    }
  }

  private static void replace(JsonNode parent, String token, JsonNode value) {
    if (parent instanceof ObjectNode object) {
      object.set(token, value);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(token), value);
    }
  }

  private static JsonNode retype(Random random) {
    return switch (random.nextInt(11)) {
      case 0 -> NODES.textNode("");
      case 1 -> NODES.textNode("\uD83D\uDE00<script>x</script>");
      case 2 -> NODES.numberNode(random.nextInt(2000) - 1000);
      case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 4 -> NODES.numberNode(new BigInteger("9".repeat(40)));
      case 5 -> NODES.numberNode(Double.NEGATIVE_INFINITY);
      case 6 -> NODES.booleanNode(random.nextBoolean());
      case 7 -> NODES.nullNode();
      case 8 -> NODES.arrayNode().add(NODES.objectNode());
      case 9 -> NODES.objectNode().put("data", "x");
      default -> NODES.textNode("2026-02-30T25:61:00Z");
    };
  }

  private static JsonNode lengthen(JsonNode current, Random random) {
    if (current.isTextual()) {
      return NODES.textNode(current.textValue().repeat(2 + random.nextInt(300)));
    }
    if (current.isArray() && !current.isEmpty()) {
      ArrayNode longer = current.deepCopy();
      int copies = 1 + random.nextInt(12);
      for (int i = 0; i < copies; i++) {
        longer.add(current.get(0).deepCopy());
      }
      return longer;
    }
    if (current.isIntegralNumber()) {
      return NODES.numberNode(current.bigIntegerValue().multiply(BigInteger.valueOf(1_000_000_000)));
    }
    if (current.isNumber()) {
      return NODES.numberNode(current.doubleValue() * 1e9);
    }
    return current;
  }
}
