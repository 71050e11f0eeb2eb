package org.giaoban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker itself, on small schemas written here: it passes what is allowed and it can fail. */
class SchemaCompatibilityTest {

    private static final String BASELINE = """
            {"$id": "https://giaoban.org/schemas/test/Thing.v1.json", "title": "Thing", "type": "object",
             "properties": {
               "id":   {"type": "string", "minLength": 1},
               "kind": {"type": "string", "enum": ["CITY", "TOWN"]},
               "note": {"type": ["string", "null"], "description": "free text"}},
             "required": ["id", "kind"], "additionalProperties": true}""";

    @Test
    void anOptionalPropertyAndNewWordsAreCompatible() {
        String current = """
                {"$id": "https://giaoban.org/schemas/test/Thing.v1.json", "title": "Thing (đô thị)", "type": "object",
                 "description": "now documented",
                 "properties": {
                   "id":   {"type": "string", "minLength": 1, "description": "a slug"},
                   "kind": {"type": "string", "enum": ["TOWN", "CITY"]},
                   "note": {"type": ["null", "string"], "description": "free text, Vietnamese"},
                   "province": {"type": ["string", "null"]}},
                 "required": ["kind", "id"], "additionalProperties": true}""";

        assertThat(SchemaCompatibility.breakingChanges(json(BASELINE), json(current))).isEmpty();
    }

    static Stream<Arguments> incompatibleChanges() {
        return Stream.of(
                change("property removed", s -> properties(s).remove("note"),
                        "#/properties/note: removed"),
                change("type changed", s -> property(s, "id").put("type", "integer"),
                        "#/properties/id/type: type \"string\" no longer allowed",
                        "#/properties/id/type: type \"integer\" newly allowed"),
                change("null no longer allowed", s -> property(s, "note").put("type", "string"),
                        "#/properties/note/type: type \"null\" no longer allowed"),
                change("enum value removed", s -> ((ArrayNode) property(s, "kind").get("enum")).remove(1),
                        "#/properties/kind/enum: enum value \"TOWN\" removed"),
                change("enum value added", s -> ((ArrayNode) property(s, "kind").get("enum")).add("WARD"),
                        "#/properties/kind/enum: enum value \"WARD\" added"),
                change("newly required", s -> ((ArrayNode) s.get("required")).add("note"),
                        "#/required: \"note\" newly required"),
                change("constraint added", s -> property(s, "kind").put("maxLength", 4),
                        "#/properties/kind/maxLength: added 4"),
                change("unknown properties refused", s -> s.put("additionalProperties", false),
                        "#/additionalProperties: changed from true to false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("incompatibleChanges")
    void anythingElseIsIncompatible(String change, JsonNode current, String[] expected) {
        assertThat(SchemaCompatibility.breakingChanges(json(BASELINE), current)).containsExactlyInAnyOrder(expected);
    }

    private static Arguments change(String name, Consumer<ObjectNode> edit, String... expected) {
        ObjectNode current = (ObjectNode) json(BASELINE);
        edit.accept(current);
        return Arguments.of(name, current, expected);
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) properties(schema).get(name);
    }

    private static JsonNode json(String text) {
        try {
            return TestSchemas.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
