package org.giaoban.contracts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a changed JSON Schema still describes the same topic for its consumers.
 *
 * <p>The rule: <b>a published schema may only gain optional properties and change annotations</b>
 * ({@code title}, {@code description}, {@code $comment}, {@code examples}). Everything else breaks someone:
 * <ul>
 *   <li>narrowing (a property removed, {@code null} no longer allowed, an enum value removed, a keyword such as
 *       {@code minLength} added, a property newly {@code required}) makes messages already on the topic invalid —
 *       and topics are kept forever, so a new consumer replays them from offset 0;</li>
 *   <li>widening (a type or {@code null} allowed, an enum value added, a property no longer required) sends
 *       consumers written against the old schema values they were promised never to see;</li>
 *   <li>anything else changed ({@code $id}, {@code additionalProperties}, {@code format}, ...) is one of the two.</li>
 * </ul>
 * A new property is compatible because it is absent from old messages and consumers ignore unknown properties; it
 * must therefore not be required. An incompatible change is a new type {@code ...v2}, published beside v1.
 */
public final class SchemaCompatibility {

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment", "examples");
    /** Keywords whose value is a map of named subschemas, where a new name is allowed. */
    private static final Set<String> NAMED_SUBSCHEMAS = Set.of("properties", "$defs");
    /** Keywords whose array value is a set: order does not matter, and a difference is reported value by value. */
    private static final Set<String> SETS = Set.of("type", "enum", "required");

    private SchemaCompatibility() {
    }

    /** The changes from {@code baseline} to {@code current} that break consumers; empty when compatible. */
    public static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        compare("#", baseline, current, problems);
        return problems;
    }

    private static void compare(String path, JsonNode was, JsonNode now, List<String> problems) {
        if (!was.isObject() || !now.isObject()) {
            compareValues(path, was, now, problems);
            return;
        }
        for (String keyword : union(was.fieldNames(), now.fieldNames())) {
            if (ANNOTATIONS.contains(keyword)) {
                continue;
            }
            String at = path + "/" + keyword;
            JsonNode before = was.get(keyword);
            JsonNode after = now.get(keyword);
            if (before == null) {
                problems.add(at + ": added " + after);
            } else if (after == null) {
                problems.add(at + ": removed " + before);
            } else if (NAMED_SUBSCHEMAS.contains(keyword)) {
                compareNamed(at, before, after, problems);
            } else if (SETS.contains(keyword)) {
                compareSets(at, keyword, before, after, problems);
            } else {
                compare(at, before, after, problems);
            }
        }
    }

    private static void compareNamed(String path, JsonNode was, JsonNode now, List<String> problems) {
        was.fieldNames().forEachRemaining(name -> {
            if (now.has(name)) {
                compare(path + "/" + name, was.get(name), now.get(name), problems);
            } else {
                problems.add(path + "/" + name + ": removed");
            }
        });
    }

    private static void compareSets(String path, String keyword, JsonNode was, JsonNode now, List<String> problems) {
        Set<String> before = asSet(was);
        Set<String> after = asSet(now);
        for (String value : before) {
            if (!after.contains(value)) {
                problems.add(path + ": " + switch (keyword) {
                    case "required" -> value + " no longer required";
                    case "enum" -> "enum value " + value + " removed";
                    default -> "type " + value + " no longer allowed";
                });
            }
        }
        for (String value : after) {
            if (!before.contains(value)) {
                problems.add(path + ": " + switch (keyword) {
                    case "required" -> value + " newly required";
                    case "enum" -> "enum value " + value + " added";
                    default -> "type " + value + " newly allowed";
                });
            }
        }
    }

    /** Arrays of subschemas ({@code allOf}, {@code prefixItems}, ...) element by element, so descriptions may change. */
    private static void compareValues(String path, JsonNode was, JsonNode now, List<String> problems) {
        if (was.isArray() && now.isArray() && was.size() == now.size()) {
            for (int i = 0; i < was.size(); i++) {
                compare(path + "/" + i, was.get(i), now.get(i), problems);
            }
        } else if (!was.equals(now)) {
            problems.add(path + ": changed from " + was + " to " + now);
        }
    }

    /** {@code "type": "string"} and {@code "type": ["string"]} are the same set. */
    private static Set<String> asSet(JsonNode node) {
        Set<String> values = new TreeSet<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.toString()));
        } else {
            values.add(node.toString());
        }
        return values;
    }

    private static Set<String> union(Iterator<String> a, Iterator<String> b) {
        Set<String> names = new TreeSet<>();
        a.forEachRemaining(names::add);
        b.forEachRemaining(names::add);
        return names;
    }
}
