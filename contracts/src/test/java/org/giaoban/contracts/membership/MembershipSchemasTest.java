package org.giaoban.contracts.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.contracts.IntegrationEvent;
import org.giaoban.contracts.TestSchemas;
import org.giaoban.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON Schemas of {@value Topics#MEMBERSHIP} describe exactly what the records serialise to. */
class MembershipSchemasTest {

    private static final Path FOLDER = TestSchemas.SCHEMAS.resolve(Topics.MEMBERSHIP);

    /** One realistic event of each type, from the Northwest cluster (cụm các đô thị vùng Tây Bắc). */
    static List<IntegrationEvent> samples() {
        return List.of(
                new ClusterFormed("tay-bac", "Cụm các đô thị vùng Tây Bắc", "Northwest urban cluster", "Tây Bắc",
                        List.of("Cụm thi đua các đô thị vùng Tây Bắc", "Cụm các đô thị vùng núi Tây Bắc")),
                new ClusterRenamed("tay-bac", "Cụm các đô thị vùng núi Tây Bắc", null, null, List.of()),
                new UrbanAreaRegistered("yen-bai", "Thành phố Yên Bái", "CITY", "Yên Bái", null),
                new UrbanAreaRegistered("lai-chau", "Thành phố Lai Châu", "CITY", "Lai Châu", "III"),
                new MemberAdmitted("sa-pa", "tay-bac", LocalDate.of(2020, 1, 1)),
                new MemberWithdrawn("yen-bai", "tay-bac", LocalDate.of(2025, 7, 1), MemberWithdrawn.DISSOLVED),
                new MemberWithdrawn("viet-tri", "tay-bac", LocalDate.of(2019, 1, 1), null),
                new UrbanAreaReorganised("yen-bai", "tay-bac", LocalDate.of(2025, 7, 1), "Thành phố Yên Bái", "CITY",
                        "Lào Cai", null, List.of("au-lau"), "Sắp xếp đơn vị hành chính từ 01/7/2025"),
                new UrbanAreaReorganised("sa-pa", null, LocalDate.of(2020, 1, 1), "Thị xã Sa Pa", "TOWN", "Lào Cai",
                        "IV", List.of(), null),
                new MembershipRecordRetracted("viet-tri", "0f8e6c2a-5b7d-4d0e-9a51-3c1f2e7b8a90",
                        "Ghi nhầm ngày kết nạp"));
    }

    @Test
    void everyCataloguedTypeHasASchemaAndEverySchemaIsCatalogued() {
        List<String> expected = MembershipEvents.CATALOG.types().keySet().stream().map(MembershipSchemasTest::fileOf).toList();

        assertThat(TestSchemas.filesIn(FOLDER)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everySchemaNamesItselfAndListsExactlyTheRecordComponents() {
        MembershipEvents.CATALOG.types().forEach((type, record) -> {
            JsonNode schema = schemaOf(type);
            assertThat(schema.path("$id").asText()).isEqualTo("https://giaoban.org/schemas/" + Topics.MEMBERSHIP + "/" + fileOf(type));
            assertThat(schema.path("additionalProperties").asBoolean()).as("consumers must ignore unknown fields").isTrue();
            assertThat(names(schema.path("properties"))).as(type).containsExactlyInAnyOrderElementsOf(components(record));
        });
    }

    @Test
    void thereIsASampleOfEveryType() {
        assertThat(samples().stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(MembershipEvents.CATALOG.types().values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aSerialisedEventIsValidAndCarriesItsComponentsOnly(IntegrationEvent event) {
        JsonNode json = TestSchemas.MAPPER.valueToTree(event);

        // subject() is not a record component nor a getter, so Jackson leaves it out: the key carries it.
        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(components(event.getClass()));
        assertThat(TestSchemas.validate(schemaOf(MembershipEvents.CATALOG.typeOf(event.getClass())), json)).isEmpty();
    }

    static Stream<Arguments> brokenDocuments() {
        String admitted = "org.giaoban.membership.MemberAdmitted.v1";
        String registered = "org.giaoban.membership.UrbanAreaRegistered.v1";
        String reorganised = "org.giaoban.membership.UrbanAreaReorganised.v1";
        String formed = "org.giaoban.membership.ClusterFormed.v1";
        return Stream.of(
                Arguments.of(admitted, "{'urbanAreaId':'sa-pa','clusterId':'tay-bac'}", "effectiveFrom"),
                Arguments.of(admitted, "{'urbanAreaId':'sa-pa','clusterId':'tay-bac','effectiveFrom':'2023-13-45'}", "effectiveFrom"),
                Arguments.of(admitted, "{'urbanAreaId':'sa-pa','clusterId':42,'effectiveFrom':'2020-01-01'}", "clusterId"),
                Arguments.of(admitted, "{'urbanAreaId':'','clusterId':'tay-bac','effectiveFrom':'2020-01-01'}", "urbanAreaId"),
                Arguments.of(admitted, "{'urbanAreaId':'sa-pa','clusterId':null,'effectiveFrom':'2020-01-01'}", "clusterId"),
                Arguments.of(registered, "{'urbanAreaId':'yen-bai','name':'Thành phố Yên Bái','kind':'VILLAGE','province':'Yên Bái'}", "kind"),
                Arguments.of(registered, "{'urbanAreaId':'yen-bai','name':'Thành phố Yên Bái','kind':'CITY','province':'Yên Bái','urbanClass':'VI'}", "urbanClass"),
                Arguments.of(reorganised, "{'urbanAreaId':'yen-bai','effectiveFrom':'2025-07-01','name':'Thành phố Yên Bái','kind':'CITY','province':'Lào Cai','dissolvedInto':'au-lau'}", "dissolvedInto"),
                Arguments.of(formed, "{'clusterId':'tay-bac','name':'Cụm các đô thị vùng Tây Bắc','aliases':null}", "aliases"));
    }

    @ParameterizedTest
    @MethodSource("brokenDocuments")
    void aBrokenDocumentIsRejected(String type, String document, String field) throws JsonProcessingException {
        Set<String> messages = TestSchemas.validate(schemaOf(type), TestSchemas.MAPPER.readTree(document.replace('\'', '"')));

        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message).contains(field));
    }

    /** {@code org.giaoban.membership.MemberAdmitted.v1} is described by {@code MemberAdmitted.v1.json}. */
    private static String fileOf(String ceType) {
        return ceType.replaceFirst("^org\\.giaoban\\.membership\\.", "") + ".json";
    }

    private static JsonNode schemaOf(String ceType) {
        return TestSchemas.read(FOLDER.resolve(fileOf(ceType)));
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
