package org.faultline.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON as the reference scorer sees it: a parser that accepts and rejects the same lines as Python's
 * {@code json.loads} on ordinary input (NaN and Infinity allowed, trailing data rejected), and Python's
 * truthiness of a value.
 */
final class PyJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private PyJson() {
    }

    /** Parses one line; throws {@link JsonProcessingException} where {@code json.loads} would fail. */
    static JsonNode parse(String line) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(line);
        if (node == null || node.isMissingNode()) {
            throw new JsonParseFailure("no JSON value");
        }
        return node;
    }

    /** Python's {@code bool(value)}; a missing field reads as {@code None}. */
    static boolean truthy(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber()) {
            return n.bigIntegerValue().signum() != 0;
        }
        if (n.isNumber()) {
            return n.doubleValue() != 0.0;
        }
        if (n.isTextual()) {
            return !n.textValue().isEmpty();
        }
        if (n.isContainerNode()) {
            return n.size() > 0;
        }
        return true;
    }

    /** A line that holds no JSON value at all. */
    static final class JsonParseFailure extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        JsonParseFailure(String message) {
            super(message);
        }
    }
}
