package org.giaoban.testsupport.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks a JSON payload against the published JSON Schema of its CloudEvents type, e.g. in a producer's test:
 * {@code PublishedSchemas.assertValid("org.giaoban.membership.MemberAdmitted.v1", json)}.
 *
 * <p>The schemas are read from the classpath, where the consuming module's dependency on {@code contracts} puts
 * them: type {@code org.giaoban.<domain>.<Name>.v<N>} is {@code schemas/<domain>.events.v1/<Name>.v<N>.json}
 * (a type's v2 is published beside v1 on the same topic).
 */
public final class PublishedSchemas {

    private static final Pattern TYPE = Pattern.compile("org\\.giaoban\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*\\.v\\d+)");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // Schemas name themselves https://giaoban.org/schemas/...; a $ref between them resolves to the classpath.
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix("https://giaoban.org/schemas/", "classpath:schemas/")));
    // In draft 2020-12 "format" only annotates unless asserted: without this "2023-13-45" would pass as a date.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private PublishedSchemas() {
    }

    /** The validation messages for {@code json} as a {@code ceType} payload; empty when it is valid. */
    public static Set<String> validate(String ceType, String json) {
        JsonSchema schema = SCHEMAS.computeIfAbsent(ceType, PublishedSchemas::load);
        JsonNode document;
        try {
            document = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return Set.of("not JSON: " + e.getOriginalMessage());
        }
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage message : schema.validate(document)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    /** @throws AssertionError listing every violation, when {@code json} is not a valid {@code ceType} payload */
    public static void assertValid(String ceType, String json) {
        Set<String> messages = validate(ceType, json);
        if (!messages.isEmpty()) {
            throw new AssertionError("payload is not a valid " + ceType + ":\n  " + String.join("\n  ", messages)
                    + "\npayload: " + json);
        }
    }

    /** The classpath resource holding the schema of {@code ceType}. */
    public static String resourceOf(String ceType) {
        Matcher type = TYPE.matcher(ceType);
        if (!type.matches()) {
            throw new IllegalArgumentException("not a Giao Ban CloudEvents type (org.giaoban.<domain>.<Name>.v<N>): " + ceType);
        }
        return "schemas/" + type.group(1) + ".events.v1/" + type.group(2) + ".json";
    }

    private static JsonSchema load(String ceType) {
        String resource = resourceOf(ceType);
        try (InputStream in = classLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no published schema for " + ceType + ": classpath resource " + resource
                        + " is missing (is the type published, and is the contracts module on the test classpath?)");
            }
            return FACTORY.getSchema(MAPPER.readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PublishedSchemas.class.getClassLoader();
    }
}
