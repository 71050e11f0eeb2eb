package org.giaoban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.giaoban.contracts.membership.MembershipEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document is well-formed, complete for the membership topic, and every reference in it resolves. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = TestSchemas.RESOURCES.resolve("asyncapi.yaml");
    private static JsonNode asyncApi;

    @BeforeAll
    static void parse() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCUMENT.toFile());
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

    @Test
    void referencesEveryMembershipSchemaAndNamesEveryMembershipType() {
        List<String> schemaFiles = refs().stream()
                .filter(ref -> !ref.startsWith("#"))
                .map(ref -> TestSchemas.RESOURCES.resolve(ref).normalize())
                .filter(file -> file.getParent().endsWith(Topics.MEMBERSHIP))
                .map(file -> file.getFileName().toString())
                .toList();
        List<String> ceTypes = fields("ce_type").stream()
                .filter(header -> header.has("const"))
                .map(header -> header.get("const").asText())
                .toList();

        assertThat(schemaFiles).containsExactlyInAnyOrderElementsOf(
                TestSchemas.filesIn(TestSchemas.SCHEMAS.resolve(Topics.MEMBERSHIP)));
        assertThat(ceTypes).containsExactlyInAnyOrderElementsOf(MembershipEvents.CATALOG.types().keySet());
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
        return fields("$ref").stream().map(JsonNode::asText).toList();
    }

    /** The value of every field called {@code name}, anywhere in the document. */
    private static List<JsonNode> fields(String name) {
        List<JsonNode> values = new ArrayList<>();
        collect(asyncApi, name, values);
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
