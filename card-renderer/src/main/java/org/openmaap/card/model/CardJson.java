package org.openmaap.card.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The module's one configured Jackson mapper, and the conversions between JSON and the model. */
public final class CardJson {

  /** Deeper than any valid document (about 12 levels), far below a stack overflow. */
  public static final int MAX_NESTING_DEPTH = 64;

  private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  private CardJson() {}

  /** Parses JSON text into a tree; throws Jackson's exception, with its location, when malformed. */
  public static JsonNode readTree(byte[] json) throws IOException {
    return MAPPER.readTree(json);
  }

  /** Binds a tree that the validator found valid to the document it holds. */
  public static Document toDocument(JsonNode tree) {
    Class<? extends Document> type;
    if (tree.has("RCSMessage")) {
      type = SendRequest.class;
    } else if (tree.has("message")) {
      type = Botmessage.class;
    } else if (tree.has("suggestions")) {
      type = SuggestedChipList.class;
    } else if (tree.has("response")) {
      type = SuggestionResponse.class;
    } else if (tree.has("sharedData")) {
      type = SharedClientData.class;
    } else {
      throw new IllegalArgumentException("not a rich-content document: " + tree.fieldNames());
    }
    return treeTo(tree, type);
  }

  /** Binds a tree to a model type. */
  public static <T> T treeTo(JsonNode tree, Class<T> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** The JSON tree of a model value, without nulls. */
  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** The compact JSON text of a model value (or tree), without nulls. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
