package org.giaoban.testsupport.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.Multipart;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * Bad input over every route of a service, driven by the service's own OpenAPI document (so a new route is covered
 * without a new test): malformed, huge and deeply nested JSON, wrong types for each field of the request schema,
 * invalid UTF-8 and control characters, wrong media types, absurd paging and odd query parameters, path traversal and
 * odd ids in path variables. Each answer must be a 4xx {@code application/problem+json} with a {@code code}, never a
 * 5xx, and the service's event store must hold exactly as many events afterwards as before.
 *
 * <p>A {@code multipart/form-data} upload gets bad uploads instead of bad JSON ({@link #multipartCases}).
 *
 * <p>Only bad requests are sent: an operation without a request body is only called with odd path variables or odd
 * query parameters, never with its real ids, so that no valid command is ever issued.
 */
public final class BadInputSuite {

    /** Text with SQL and HTML metacharacters that a text field must accept and return verbatim. */
    public static final String METACHARACTERS = "Cụm <script>alert(1)</script> ' OR 1=1 -- <b>&amp;\"'";

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final int NESTING = 10_000;
    private static final int HUGE = 2 * 1024 * 1024;
    /** Beyond any number a caller may send (too large, too small, too precise), written as JSON numbers. */
    static final List<String> OUT_OF_RANGE_NUMBERS = List.of("1e200000", "1e999999999", "-1e200000", "1e-1000000",
            "0.000000001", "123456789012345678901234567890");
    /** Before 1900-01-01 or after 2100-12-31, the domain's range of dates. */
    static final List<String> OUT_OF_RANGE_DATES = List.of("+10000000-01-01", "1899-12-31", "2101-01-01", "-0001-01-01");

    /** One operation of the OpenAPI document, its request body schema resolved (null: it takes no body). */
    public record Operation(String method, String path, JsonNode spec, JsonNode bodySchema, boolean bodyRequired) {

        public List<String> pathVariables() {
            List<String> names = new ArrayList<>();
            Matcher matcher = VARIABLE.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** Whether its body is a {@code multipart/form-data} upload rather than JSON. */
        public boolean multipart() {
            JsonNode content = spec.path("requestBody").path("content");
            return content.has("multipart/form-data") && !content.has("application/json");
        }

        public List<JsonNode> queryParameters() {
            List<JsonNode> parameters = new ArrayList<>();
            spec.path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    parameters.add(p);
                }
            });
            return parameters;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final Http http;
    private final String apiDocs;
    private final Function<Operation, String> tokens;
    private final BiFunction<Operation, String, String> ids;
    private final LongSupplier storedEvents;

    private BadInputSuite(Http http, String apiDocs, Function<Operation, String> tokens,
                          BiFunction<Operation, String, String> ids, LongSupplier storedEvents) {
        this.http = http;
        this.apiDocs = apiDocs;
        this.tokens = tokens;
        this.ids = ids;
        this.storedEvents = storedEvents;
    }

    /**
     * @param port         the service's port
     * @param apiDocs      the path of its OpenAPI document, e.g. {@code /api/membership/v3/api-docs}
     * @param tokens       a token allowed on the operation (null: anonymous)
     * @param ids          a real (or plausible) value for a path variable of the operation
     * @param storedEvents how many rows the service's {@code domain_event_entry} holds
     */
    public static BadInputSuite of(int port, String apiDocs, Function<Operation, String> tokens,
                                   BiFunction<Operation, String, String> ids, LongSupplier storedEvents) {
        return new BadInputSuite(new Http(port), apiDocs, tokens, ids, storedEvents);
    }

    /** Every operation of the service's OpenAPI document. */
    public List<Operation> operations() {
        Http.Response response = http.get(apiDocs);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode doc = response.json();
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode spec = path.getValue().get(method);
                if (spec == null) {
                    continue;
                }
                JsonNode body = spec.path("requestBody");
                JsonNode schema = null;
                if (!body.isMissingNode()) {
                    JsonNode content = body.path("content");
                    JsonNode media = content.has("application/json") ? content.get("application/json")
                            : content.elements().hasNext() ? content.elements().next() : JSON.createObjectNode();
                    schema = resolve(doc, media.path("schema"));
                    if (schema.isMissingNode()) {
                        schema = JSON.createObjectNode();
                    }
                }
                operations.add(new Operation(method.toUpperCase(), path.getKey(), spec, schema, body.path("required").asBoolean(false)));
            }
        }
        assertThat(operations).as("operations in " + apiDocs).isNotEmpty();
        return operations;
    }

    /** The dynamic tests: one container per operation, one test per bad request. */
    public Stream<DynamicNode> tests() {
        return operations().stream().map(operation -> DynamicContainer.dynamicContainer(operation.toString(),
                cases(operation).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(operation, c)))));
    }

    record Case(String name, String pathOverride, String query, String contentType, byte[] body, int... expected) {
    }

    List<Case> cases(Operation operation) {
        List<Case> cases = new ArrayList<>();
        String path = fill(operation, null);
        if (operation.bodySchema() != null && operation.multipart()) {
            cases.addAll(multipartCases(operation.bodySchema()));
        } else if (operation.bodySchema() != null) {
            ObjectNode sample = sample(operation.bodySchema());
            List<String> strings = textFields(operation.bodySchema());
            // Malformed JSON.
            cases.add(json("malformed: unterminated object", "{\"a\": "));
            cases.add(json("malformed: trailing comma", "{\"a\": 1,}"));
            cases.add(json("malformed: single quotes", "{'a': 'b'}"));
            cases.add(json("malformed: not JSON", "tay-bac"));
            cases.add(json("malformed: two documents", sample + " " + sample));
            if (operation.bodyRequired()) {
                cases.add(json("malformed: empty body", ""));
            }
            // Deeply nested JSON.
            cases.add(json("nested arrays " + NESTING, "[".repeat(NESTING) + "]".repeat(NESTING)));
            cases.add(json("nested objects " + NESTING, "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)));
            cases.add(json("nested under an unknown field", "{\"zz\":" + "[".repeat(NESTING) + "]".repeat(NESTING) + "}"));
            operation.bodySchema().path("properties").fieldNames().forEachRemaining(field -> cases.add(json(
                    "nested in " + field, withRaw(sample, field, "[".repeat(NESTING) + "]".repeat(NESTING)))));
            // Huge bodies.
            String huge = "a".repeat(HUGE);
            String field = strings.isEmpty() ? "zz" : strings.get(0);
            cases.add(new Case("huge: 2 MB in " + field, null, null, "application/json",
                    bytes(with(sample, field, JSON.getNodeFactory().textNode(huge))), 400, 413));
            cases.add(new Case("huge: 2 MB of whitespace", null, null, "application/json",
                    bytes(" ".repeat(HUGE) + sample), 400, 413));
            // Wrong types, field by field.
            operation.bodySchema().path("properties").fields().forEachRemaining(property -> {
                for (JsonNode wrong : wrongValues(property.getValue())) {
                    cases.add(json("wrong type: " + property.getKey() + " = " + abbreviate(wrong.toString()),
                            with(sample, property.getKey(), wrong).toString()));
                }
            });
            // Numbers and dates out of every domain range, nested fields too (rules.criteria[0].maxPoints): a value a
            // read model cannot hold, or that costs unbounded work to compute with, must be refused at the door.
            scalarFields(operation.bodySchema(), List.of()).forEach((fieldPath, schema) -> {
                List<String> outOfRange = "number".equals(schema.path("type").asText()) ? OUT_OF_RANGE_NUMBERS
                        : "date".equals(schema.path("format").asText()) ? OUT_OF_RANGE_DATES : List.of();
                for (String value : outOfRange) {
                    cases.add(json("out of range: " + String.join(".", fieldPath) + " = " + value,
                            withAt(sample, operation.bodySchema(), fieldPath, value)));
                }
            });
            cases.add(json("wrong type: body is an array", "[" + sample + "]"));
            cases.add(json("wrong type: body is a string", "\"" + sample.toString().replace("\"", "\\\"") + "\""));
            // Invalid UTF-8 and control characters in strings.
            for (String text : strings) {
                cases.add(new Case("invalid UTF-8 in " + text, null, null, "application/json",
                        invalidUtf8(sample, text), 400));
                cases.add(json("escaped NUL in " + text, with(sample, text, JSON.getNodeFactory().textNode("Cụm\u0000x")).toString()));
                cases.add(json("escaped ESC in " + text, with(sample, text, JSON.getNodeFactory().textNode("Cụm\u001b[31mx")).toString()));
                cases.add(json("raw control character in " + text, withRaw(sample, text, "\"Cụm\u0001x\"")));
                cases.add(json("lone surrogate in " + text, withRaw(sample, text, "\"Cụm\\ud800x\"")));
            }
            // Wrong media types.
            cases.add(new Case("media type text/plain", null, null, "text/plain", bytes(sample.toString()), 415));
            cases.add(new Case("media type application/xml", null, null, "application/xml",
                    bytes("<?xml version=\"1.0\"?><body><name>x</name></body>"), 415));
            cases.add(new Case("media type form", null, null, "application/x-www-form-urlencoded",
                    bytes("name=x&id=y"), 415));
            cases.add(new Case("media type text/plain, empty", null, null, "text/plain", new byte[0], 400, 415));
        }
        // Absurd paging and odd query parameters.
        for (JsonNode parameter : operation.queryParameters()) {
            String name = parameter.path("name").asText();
            JsonNode schema = parameter.path("schema");
            String type = schema.path("type").asText();
            List<String> values = new ArrayList<>();
            if ("integer".equals(type) || "number".equals(type)) {
                values.addAll(List.of("-1", "100000000", "99999999999999999999", "abc", "1.5", "%00", "1e3"));
            } else if ("date".equals(schema.path("format").asText())) {
                values.addAll(List.of("yesterday", "2023-13-45", "99999-01-01", "%00"));
                OUT_OF_RANGE_DATES.forEach(date -> values.add(date.replace("+", "%2B")));
            } else if (schema.has("enum")) {
                values.addAll(List.of("NOT_A_VALUE", "%00", "%27%20OR%201%3D1%20--"));
            }
            if ("page".equals(name) || "size".equals(name)) {
                values.add("-99999999999999999999");
            }
            for (String value : values) {
                if ("size".equals(name) && "-1".equals(value)) {
                    value = "0";
                }
                cases.add(new Case("query " + name + "=" + value, path, name + "=" + value, null, null, 400));
            }
        }
        // Odd ids in path variables: every variable at once, so that no real record is reached.
        if (!operation.pathVariables().isEmpty()) {
            for (String odd : List.of("..%2F..%2Fetc%2Fpasswd", "..%2F..", "%2e%2e", "%00", "a%00b", "%0d%0aX-Injected:%201",
                    "x".repeat(2000), "%27%20OR%201%3D1%20--", "1%3B%20DROP%20TABLE%20domain_event_entry",
                    "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%C3%28", "%FF%FE", "T%C3%A2y%20B%E1%BA%AFc", "%20")) {
                String oddPath = fill(operation, odd);
                byte[] body = operation.bodySchema() == null ? null : bytes(sample(operation.bodySchema()).toString());
                cases.add(new Case("path variables = " + abbreviate(odd), oddPath, null,
                        body == null ? null : "application/json", body));
            }
        }
        return cases;
    }

    /**
     * An upload's bad requests: other media types, multipart bodies that cannot be parsed, each required part left
     * out, files that are no file of any kind (text, empty, 2 MB of zeros), and text parts with invalid UTF-8, control
     * characters or 2 MB of text. Binary parts are {@code format: binary} properties of the form's schema.
     */
    List<Case> multipartCases(JsonNode schema) {
        List<Case> cases = new ArrayList<>();
        List<String> files = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            if ("binary".equals(p.getValue().path("format").asText())) {
                files.add(p.getKey());
            } else {
                texts.add(p.getKey());
            }
        });
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        byte[] junk = bytes("bad-input, not a picture nor any file format");
        cases.add(new Case("media type application/json", null, null, "application/json", bytes(sample(schema).toString()), 415));
        cases.add(new Case("media type text/plain", null, null, "text/plain", bytes("bad-input"), 415));
        cases.add(new Case("media type application/xml", null, null, "application/xml",
                bytes("<?xml version=\"1.0\"?><body><name>x</name></body>"), 415));
        cases.add(new Case("media type form", null, null, "application/x-www-form-urlencoded", bytes("name=x&id=y"), 415));
        cases.add(new Case("multipart without boundary", null, null, "multipart/form-data", bytes("--x\r\nbad-input"), 400));
        Multipart whole = form(files, texts, null, junk, null);
        byte[] all = whole.bytes();
        cases.add(new Case("multipart cut short", null, null, whole.contentType(),
                java.util.Arrays.copyOf(all, all.length / 2), 400));
        Multipart empty = new Multipart();
        cases.add(new Case("multipart without parts", null, null, empty.contentType(), empty.bytes(), 400));
        for (String part : required) {
            Multipart without = form(files, texts, part, junk, null);
            cases.add(new Case("multipart without " + part, null, null, without.contentType(), without.bytes(), 400));
        }
        for (String file : files) {
            cases.add(multipart("text as " + file, form(files, texts, null, junk, null)));
            cases.add(multipart("empty " + file, form(files, texts, null, new byte[0], null)));
            cases.add(multipart("huge: 2 MB of zeros as " + file, form(files, texts, null, new byte[HUGE], null), 400, 413));
        }
        for (String text : texts) {
            byte[] invalid = {'C', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x'};
            cases.add(multipart("invalid UTF-8 in " + text, form(files, texts, null, junk, Map.of(text, invalid)), 400));
            cases.add(multipart("control character in " + text, form(files, texts, null, junk,
                    Map.of(text, bytes("Cụm\u0001x"))), 400));
            cases.add(multipart("huge: 2 MB in " + text, form(files, texts, null, junk,
                    Map.of(text, bytes("a".repeat(HUGE)))), 400, 413));
        }
        return cases;
    }

    /** Every part of the form but {@code leftOut}: files of {@code file} bytes, texts "bad-input" unless given. */
    private static Multipart form(List<String> files, List<String> texts, String leftOut, byte[] file, Map<String, byte[]> textBytes) {
        Multipart form = new Multipart();
        files.stream().filter(f -> !f.equals(leftOut)).forEach(f -> form.file(f, "bad-input.bin", "application/octet-stream", file));
        texts.stream().filter(t -> !t.equals(leftOut)).forEach(t -> form.text(t,
                textBytes != null && textBytes.containsKey(t) ? textBytes.get(t) : bytes("bad-input")));
        return form;
    }

    private static Case multipart(String name, Multipart form, int... expected) {
        return new Case(name, null, null, form.contentType(), form.bytes(), expected);
    }

    private void check(Operation operation, Case c) {
        String token = tokens.apply(operation);
        Http client = token == null ? http.anonymous() : http.as(token);
        String path = (c.pathOverride() == null ? fill(operation, null) : c.pathOverride())
                + (c.query() == null ? "" : "?" + c.query());
        HttpRequest.BodyPublisher publisher = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path)).method(operation.method(), publisher);
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        long before = storedEvents.getAsLong();
        Http.Response response = client.send(request);
        long after = storedEvents.getAsLong();
        String what = operation + " " + c.name() + " -> " + response.status() + " " + response.contentType() + " "
                + abbreviate(response.body());
        assertThat(response.status()).as(what).isBetween(400, 499);
        if (c.expected().length > 0) {
            assertThat(response.status()).as(what).isIn(box(c.expected()));
        }
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).as(what).isNotBlank();
        assertThat(response.json().path("status").asInt()).as(what).isEqualTo(response.status());
        assertThat(after).as("events stored by " + what).isEqualTo(before);
    }

    private String fill(Operation operation, String odd) {
        Matcher matcher = VARIABLE.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = odd != null ? odd : Objects.requireNonNullElse(ids.apply(operation, matcher.group(1)),
                    "unknown-" + matcher.group(1).toLowerCase());
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private static Case json(String name, String body) {
        return new Case(name, null, null, "application/json", bytes(body));
    }

    /** A plausible body: each property with a value of its type (strings {@code bad-input}). */
    static ObjectNode sample(JsonNode schema) {
        ObjectNode sample = JSON.createObjectNode();
        schema.path("properties").fields().forEachRemaining(p -> sample.set(p.getKey(), sampleValue(p.getKey(), p.getValue())));
        return sample;
    }

    private static JsonNode sampleValue(String name, JsonNode schema) {
        var nodes = JSON.getNodeFactory();
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> nodes.numberNode(name.toLowerCase().contains("year") ? 2023 : 1);
            case "number" -> nodes.numberNode(0.5);
            case "boolean" -> nodes.booleanNode(true);
            case "array" -> nodes.arrayNode();
            case "object" -> sample(schema);
            default -> switch (schema.path("format").asText()) {
                case "date" -> nodes.textNode("2023-09-24");
                case "date-time" -> nodes.textNode("2023-09-24T00:00:00Z");
                default -> nodes.textNode("bad-input");
            };
        };
    }

    private static List<JsonNode> wrongValues(JsonNode schema) {
        var nodes = JSON.getNodeFactory();
        ObjectNode object = nodes.objectNode().put("wrong", true);
        return switch (schema.path("type").asText()) {
            case "integer", "number" -> List.of(nodes.textNode("not-a-number"), object, nodes.booleanNode(true));
            case "boolean" -> List.of(nodes.textNode("maybe"), object);
            case "array" -> List.of(nodes.textNode("not-an-array"), object, nodes.arrayNode().add(object));
            case "object" -> List.of(nodes.arrayNode().add(1), nodes.numberNode(1));
            default -> {
                List<JsonNode> wrong = new ArrayList<>(List.of(object, nodes.arrayNode().add("x")));
                if (schema.has("enum")) {
                    wrong.add(nodes.textNode("NOT_A_VALUE"));
                }
                if ("date".equals(schema.path("format").asText())) {
                    wrong.add(nodes.textNode("2023-13-45"));
                }
                yield wrong;
            }
        };
    }

    /**
     * Every number and date field of the schema with its path, also inside nested objects and arrays of objects (an
     * array is entered through its first element).
     */
    static Map<List<String>, JsonNode> scalarFields(JsonNode schema, List<String> prefix) {
        Map<List<String>, JsonNode> fields = new LinkedHashMap<>();
        if (prefix.size() > 6) {
            return fields;
        }
        schema.path("properties").fields().forEachRemaining(p -> {
            List<String> path = new ArrayList<>(prefix);
            path.add(p.getKey());
            JsonNode s = p.getValue();
            String type = s.path("type").asText();
            if ("number".equals(type) || "date".equals(s.path("format").asText())) {
                fields.put(List.copyOf(path), s);
            } else if ("object".equals(type) || s.has("properties")) {
                fields.putAll(scalarFields(s, path));
                JsonNode values = s.path("additionalProperties");
                if ("number".equals(values.path("type").asText())) {
                    List<String> any = new ArrayList<>(path);
                    any.add("*");
                    fields.put(List.copyOf(any), values);
                }
            } else if ("array".equals(type) && s.path("items").has("properties")) {
                path.add("0");
                fields.putAll(scalarFields(s.path("items"), path));
            }
        });
        return fields;
    }

    /**
     * The sample with the field at {@code path} set to the raw JSON {@code value}; the objects and array elements on
     * the way are sampled from the schema ({@code *}: a key of a map, taken from the key schema's enum if it has one).
     */
    private static String withAt(ObjectNode sample, JsonNode schema, List<String> path, String value) {
        ObjectNode copy = sample.deepCopy();
        JsonNode container = copy;
        JsonNode containerSchema = schema;
        for (int i = 0; i < path.size() - 1; i++) {
            String step = path.get(i);
            JsonNode stepSchema = containerSchema.path("properties").path(step);
            ObjectNode next;
            if ("array".equals(stepSchema.path("type").asText())) {
                stepSchema = stepSchema.path("items");
                next = sample(stepSchema);
                ((ObjectNode) container).set(step, JSON.createArrayNode().add(next));
                i++; // the element index
            } else {
                next = sample(stepSchema);
                ((ObjectNode) container).set(step, next);
            }
            container = next;
            containerSchema = stepSchema;
        }
        String last = path.get(path.size() - 1);
        if ("*".equals(last)) {
            JsonNode keys = containerSchema.path("propertyNames").path("enum");
            last = keys.isArray() && !keys.isEmpty() ? keys.get(0).asText() : "key";
        }
        ((ObjectNode) container).put(last, "\u0007PLACEHOLDER\u0007");
        return copy.toString().replace("\"\\u0007PLACEHOLDER\\u0007\"", "date".equals(leafFormat(schema, path)) ? "\"" + value + "\"" : value);
    }

    private static String leafFormat(JsonNode schema, List<String> path) {
        JsonNode s = schema;
        for (String step : path) {
            if (step.matches("\\d+")) {
                continue;
            }
            s = "*".equals(step) ? s.path("additionalProperties") : s.path("properties").path(step);
            if ("array".equals(s.path("type").asText())) {
                s = s.path("items");
            }
        }
        return s.path("format").asText();
    }

    /** Top-level free text properties (strings without enum or format). */
    private static List<String> textFields(JsonNode schema) {
        List<String> fields = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode s = p.getValue();
            if ("string".equals(s.path("type").asText()) && !s.has("enum") && !s.has("format")) {
                fields.add(p.getKey());
            }
        });
        return fields;
    }

    private static ObjectNode with(ObjectNode sample, String field, JsonNode value) {
        ObjectNode copy = sample.deepCopy();
        copy.set(field, value);
        return copy;
    }

    /** The sample with {@code field}'s value replaced by raw JSON text. */
    private static String withRaw(ObjectNode sample, String field, String raw) {
        ObjectNode copy = sample.deepCopy();
        copy.put(field, "\u0007PLACEHOLDER\u0007");
        return copy.toString().replace("\"\\u0007PLACEHOLDER\\u0007\"", raw);
    }

    private static byte[] invalidUtf8(ObjectNode sample, String field) {
        String text = withRaw(sample, field, "\"INVALID\"");
        int at = text.indexOf("INVALID");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(new byte[] {'C', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'x'});
        out.writeBytes(text.substring(at + "INVALID".length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return resolve(doc, target);
        }
        if (schema.has("properties")) {
            ObjectNode copy = schema.deepCopy();
            ObjectNode properties = JSON.createObjectNode();
            Map<String, JsonNode> resolved = new LinkedHashMap<>();
            schema.get("properties").fields().forEachRemaining(p -> resolved.put(p.getKey(), resolve(doc, p.getValue())));
            resolved.forEach(properties::set);
            copy.set("properties", properties);
            return copy;
        }
        if (schema.has("items") || schema.has("additionalProperties")) {
            ObjectNode copy = schema.deepCopy();
            if (schema.has("items")) {
                copy.set("items", resolve(doc, schema.get("items")));
            }
            if (schema.get("additionalProperties") instanceof ObjectNode values) {
                copy.set("additionalProperties", resolve(doc, values));
            }
            return copy;
        }
        return schema;
    }

    private static byte[] bytes(Object text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + text.length() + " chars)";
    }
}
