package org.giaoban.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.giaoban.contracts.competition.CompetitionEvents;
import org.giaoban.contracts.membership.MembershipEvents;
import org.giaoban.contracts.news.NewsEvents;

/**
 * The schemas of this module as its tests see them. They are read from the source tree, not the classpath:
 * target/classes keeps a deleted file until a clean build, which would hide the deletion from these tests.
 * (Other modules validate with test-support's {@code PublishedSchemas}; contracts cannot use it, it brings Spring.)
 */
public final class TestSchemas {

    /** What the contracts jar publishes; tests run with the module as working directory. */
    public static final Path RESOURCES = Path.of("src/main/resources");
    public static final Path SCHEMAS = RESOURCES.resolve("schemas");
    /** The copies taken when each schema was published, to compare against. */
    public static final Path BASELINES = Path.of("src/test/resources/published");

    /** Every topic's catalog; each has a folder of schemas, baselines, and a channel with its messages in asyncapi.yaml. */
    public static final List<EventCatalog> CATALOGS = List.of(MembershipEvents.CATALOG, CompetitionEvents.CATALOG,
            NewsEvents.CATALOG);

    /** Configured as the producers' ObjectMapper: ISO dates, nulls written. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Format is only an annotation in 2020-12 unless asked for: without this "2023-13-45" would pass as a date.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(PathType.JSON_PATH)
            .locale(Locale.ENGLISH)
            .build();

    private TestSchemas() {
    }

    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** The validation messages, empty when {@code document} is valid. */
    public static Set<String> validate(JsonNode schema, JsonNode document) {
        Set<String> messages = new TreeSet<>();
        for (ValidationMessage message : FACTORY.getSchema(schema, CONFIG).validate(document)) {
            messages.add(message.getMessage());
        }
        return messages;
    }

    public static List<String> filesIn(Path folder) {
        return entries(folder, Files::isRegularFile);
    }

    public static List<String> foldersIn(Path folder) {
        return entries(folder, Files::isDirectory);
    }

    private static List<String> entries(Path folder, Predicate<Path> kind) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(kind).map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder.toString(), e);
        }
    }
}
