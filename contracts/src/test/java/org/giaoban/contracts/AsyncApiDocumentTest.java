package org.giaoban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The AsyncAPI document is well-formed, complete for every catalogued topic, and every reference in it resolves. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = TestSchemas.RESOURCES.resolve("asyncapi.yaml");
    private static JsonNode asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
    }

    static Stream<String> cataloguedTopics() {
        return TestSchemas.CATALOGS.stream().map(EventCatalog::topic);
    }

    @Test
    void declaresAsyncApi3AndEveryTopic() {
        assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.");
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrder(Topics.MEMBERSHIP, Topics.COMPETITION, Topics.NEWS);
    }

    @Test
    void everyTopicIsKeptForever() {
        asyncApi.path("channels").forEach(channel -> assertThat(
                local(channel.path("bindings")).at("/kafka/topicConfiguration/retention.ms").asLong())
                .as(channel.path("address").asText()).isEqualTo(-1));
    }

    @Test
    void everyReferenceResolves() {
        assertThat(refs()).isNotEmpty();
        assertThat(refs().stream().filter(ref -> !resolves(ref)).toList()).as("references to nothing").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("cataloguedTopics")
    void referencesEverySchemaOfTheTopic(String topic) {
        List<String> schemaFiles = refs().stream()
                .filter(ref -> !ref.startsWith("#"))
                .map(ref -> TestSchemas.RESOURCES.resolve(ref).normalize())
                .filter(file -> file.getParent().endsWith(topic))
                .map(file -> file.getFileName().toString())
                .toList();

        assertThat(schemaFiles).isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(TestSchemas.filesIn(TestSchemas.SCHEMAS.resolve(topic)));
    }

    @Test
    void namesNoTypeOutsideTheCatalogs() {
        List<String> catalogued = TestSchemas.CATALOGS.stream().flatMap(catalog -> catalog.types().keySet().stream()).toList();

        assertThat(ceTypes(asyncApi)).containsExactlyInAnyOrderElementsOf(catalogued);
    }

    /** The messages of a topic's channel are exactly its catalog's types, from its source, with their own schema. */
    @ParameterizedTest
    @MethodSource("cataloguedTopics")
    void theChannelOfATopicCarriesExactlyItsCataloguedTypes(String topic) {
        EventCatalog catalog = catalog(topic);
        List<String> types = new ArrayList<>();
        channel(topic).path("messages").forEach(reference -> {
            JsonNode message = local(reference);
            String type = ceTypes(message).get(0);
            types.add(type);
            assertThat(fields(message, "ce_source")).as(type)
                    .anySatisfy(source -> assertThat(source.path("const").asText()).isEqualTo(catalog.source()));
            assertThat(message.at("/payload/schema/$ref").asText()).as(type)
                    .isEqualTo("./schemas/" + topic + "/" + type.replaceFirst("^org\\.giaoban\\.[a-z]+\\.", "") + ".json");
            assertThat(message.at("/bindings/kafka/key/type").asText()).as(type + " is keyed").isEqualTo("string");
        });

        assertThat(types).containsExactlyInAnyOrderElementsOf(catalog.types().keySet());
    }

    /** A topic whose channel lists messages must have a catalog here, or the tests above would skip it. */
    @Test
    void everyChannelWithMessagesIsCatalogued() {
        List<String> withMessages = new ArrayList<>();
        asyncApi.path("channels").forEach(channel -> {
            if (!channel.path("messages").isEmpty()) {
                withMessages.add(channel.path("address").asText());
            }
        });

        assertThat(withMessages).containsExactlyInAnyOrderElementsOf(cataloguedTopics().toList());
    }

    private static EventCatalog catalog(String topic) {
        return TestSchemas.CATALOGS.stream().filter(catalog -> catalog.topic().equals(topic)).findFirst().orElseThrow();
    }

    private static JsonNode channel(String topic) {
        for (JsonNode channel : asyncApi.path("channels")) {
            if (channel.path("address").asText().equals(topic)) {
                return channel;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    /** The {@code ce_type} constants under {@code node}: one per message. */
    private static List<String> ceTypes(JsonNode node) {
        return fields(node, "ce_type").stream()
                .filter(header -> header.has("const"))
                .map(header -> header.get("const").asText())
                .toList();
    }

    /** Follows a local {@code $ref}, as the channels share their Kafka binding. */
    private static JsonNode local(JsonNode node) {
        return node.has("$ref") ? asyncApi.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** Local references are JSON pointers into this document; others are files relative to it. */
    private static boolean resolves(String ref) {
        return ref.startsWith("#")
                ? !asyncApi.at(ref.substring(1)).isMissingNode()
                : Files.isRegularFile(TestSchemas.RESOURCES.resolve(ref).normalize());
    }

    private static List<String> refs() {
        return fields(asyncApi, "$ref").stream().map(JsonNode::asText).toList();
    }

    /** The value of every field called {@code name}, anywhere under {@code root}. */
    private static List<JsonNode> fields(JsonNode root, String name) {
        List<JsonNode> values = new ArrayList<>();
        collect(root, name, values);
        return values;
    }

    private static void collect(JsonNode node, String name, List<JsonNode> values) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals(name)) {
                    values.add(field.getValue());
                }
                collect(field.getValue(), name, values);
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, name, values));
        }
    }
}
