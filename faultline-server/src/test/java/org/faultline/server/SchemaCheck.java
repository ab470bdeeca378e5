package org.faultline.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema, for the response-vs-schema test: {@code type}, {@code nullable},
 * {@code required}, {@code properties} (a field the schema does not describe is a problem unless it allows
 * {@code additionalProperties}), {@code additionalProperties} as a schema, {@code items}, {@code enum},
 * {@code format: date}, {@code minimum}/{@code maximum}, {@code $ref} into the same document, {@code allOf},
 * {@code oneOf} and {@code anyOf}. Problems are listed with the JSON pointer of the value, all of them, not the
 * first only. Stateless apart from the document it resolves references in; thread-safe.
 */
final class SchemaCheck {
    private final JsonNode root;

    SchemaCheck(JsonNode openApi) {
        this.root = openApi;
    }

    /** Every way {@code value} breaks {@code schema}; empty when it conforms. */
    List<String> problems(JsonNode value, JsonNode schema, String where) {
        List<String> out = new ArrayList<>();
        check(value, schema, where, out);
        return out;
    }

    private JsonNode resolve(JsonNode schema, String where, List<String> out) {
        int hops = 0;
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (schema.size() > 1) {
                out.add(where + ": keywords beside $ref " + ref + " are ignored by OpenAPI 3.0");
            }
            if (!ref.startsWith("#/") || ++hops > 20) {
                out.add(where + ": cannot resolve $ref " + ref);
                return null;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                out.add(where + ": $ref " + ref + " points nowhere");
                return null;
            }
            schema = target;
        }
        return schema;
    }

    private void check(JsonNode value, JsonNode schema, String where, List<String> out) {
        schema = resolve(schema, where, out);
        if (schema == null) {
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(where + ": null, but the schema is not nullable");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(value, part, where, out);
        }
        for (String alternatives : new String[] {"oneOf", "anyOf"}) {
            if (schema.has(alternatives)) {
                int matching = 0;
                for (JsonNode part : schema.get(alternatives)) {
                    if (problems(value, part, where).isEmpty()) {
                        matching++;
                    }
                }
                if (matching == 0 || alternatives.equals("oneOf") && matching > 1) {
                    out.add(where + ": matches " + matching + " of the " + alternatives + " schemas");
                }
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode e : schema.get("enum")) {
                listed |= e.equals(value);
            }
            if (!listed) {
                out.add(where + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(where + ": " + kind(value) + " " + abbreviated(value) + ", expected " + type);
            return;
        }
        if (value.isTextual() && "date".equals(schema.path("format").asText())
                && !value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            out.add(where + ": '" + value.asText() + "' is not a date (YYYY-MM-DD)");
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                out.add(where + ": " + value + " is under the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                out.add(where + ": " + value + " is over the maximum " + schema.get("maximum"));
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), where + "/" + i, out);
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, where, out);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String where, List<String> out) {
        for (JsonNode r : schema.path("required")) {
            if (!value.has(r.asText())) {
                out.add(where + ": required field '" + r.asText() + "' is missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        // allOf parts describe fields of the same object: a field described by any part is described
        boolean composed = schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String at = where + "/" + f.getKey();
            if (properties.has(f.getKey())) {
                check(f.getValue(), properties.get(f.getKey()), at, out);
            } else if (additional != null && additional.isObject()) {
                check(f.getValue(), additional, at, out);
            } else if (additional == null && !composed && (properties.size() > 0 || schema.has("type"))) {
                out.add(at + ": field not described by the schema");
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(at + ": field not allowed (additionalProperties: false)");
            }
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        switch (type) {
            case "object":
                return v.isObject();
            case "array":
                return v.isArray();
            case "string":
                return v.isTextual();
            case "integer":
                return v.isIntegralNumber() || v.isNumber() && v.asDouble() == Math.rint(v.asDouble());
            case "number":
                return v.isNumber();
            case "boolean":
                return v.isBoolean();
            default:
                return false;
        }
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String abbreviated(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
