package org.giaoban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * Every published schema stays compatible with the copy taken when it was published
 * ({@code src/test/resources/published/<topic>/<file>}), under the rule of {@link SchemaCompatibility}: a published
 * schema may only gain optional properties and change annotations (title, description, $comment, examples); any
 * other change, and deleting the file, is incompatible. A baseline is never edited; a schema that cannot keep to
 * the rule becomes a new type {@code ...v2} with its own file and baseline, published beside v1.
 */
class PublishedSchemasCompatibilityTest {

    @Test
    void everyPublishedSchemaIsStillThereAndCompatible() {
        List<String> problems = new ArrayList<>();
        for (String topic : TestSchemas.foldersIn(TestSchemas.BASELINES)) {
            for (String file : TestSchemas.filesIn(TestSchemas.BASELINES.resolve(topic))) {
                Path current = TestSchemas.SCHEMAS.resolve(topic).resolve(file);
                if (!Files.isRegularFile(current)) {
                    problems.add(current + " was published and is gone: consumers still read its messages");
                    continue;
                }
                JsonNode baseline = TestSchemas.read(TestSchemas.BASELINES.resolve(topic).resolve(file));
                SchemaCompatibility.breakingChanges(baseline, TestSchemas.read(current))
                        .forEach(change -> problems.add(current + " " + change));
            }
        }
        assertThat(problems).as("incompatible changes to published schemas (publish a ...v2 instead)").isEmpty();
    }

    /** Without a baseline a schema is not guarded, so publishing one means copying it there. */
    @Test
    void everySchemaHasABaseline() {
        List<String> unguarded = new ArrayList<>();
        for (String topic : TestSchemas.foldersIn(TestSchemas.SCHEMAS)) {
            List<String> baselines = TestSchemas.filesIn(TestSchemas.BASELINES.resolve(topic));
            TestSchemas.filesIn(TestSchemas.SCHEMAS.resolve(topic)).stream()
                    .filter(file -> !baselines.contains(file))
                    .forEach(file -> unguarded.add(topic + "/" + file));
        }
        assertThat(unguarded).as("copy to " + TestSchemas.BASELINES + " when publishing").isEmpty();
    }

    /** Without baselines the tests above would pass vacuously (e.g. run from the wrong working directory). */
    @Test
    void theBaselinesOfEveryCataloguedTopicAreFound() {
        assertThat(TestSchemas.CATALOGS).extracting(EventCatalog::topic).contains(Topics.MEMBERSHIP, Topics.COMPETITION, Topics.NEWS);
        TestSchemas.CATALOGS.forEach(catalog -> assertThat(TestSchemas.filesIn(TestSchemas.BASELINES.resolve(catalog.topic())))
                .as(catalog.topic()).isNotEmpty());
    }
}
