package org.giaoban.contracts.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
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

/** The JSON Schemas of {@value Topics#NEWS} describe exactly what the records serialise to. */
class NewsSchemasTest {

    private static final Path FOLDER = TestSchemas.SCHEMAS.resolve(Topics.NEWS);

    // The report of the 2023 conference of the Northwest cluster (cụm các đô thị vùng Tây Bắc), 24 Sep 2023 in Sa Pa,
    // drafted by the system when the round concluded and published by an editor the next morning.
    private static final String ARTICLE = "7c1d5e2a-3f4b-4c8d-9e6f-0a1b2c3d4e5f";
    private static final String SLUG = "giao-ban-cum-cac-do-thi-vung-tay-bac-nam-2023";
    private static final String TITLE = "Giao ban cụm các đô thị vùng Tây Bắc năm 2023";
    private static final String SUMMARY = "Sáng 24/9, tại thị xã Sa Pa, Hiệp hội các đô thị Việt Nam phối hợp với UBND thị xã"
            + " Sa Pa tổ chức hội nghị giao ban cụm các đô thị vùng Tây Bắc năm 2023.";
    private static final String CATEGORY = "Đô thị";
    private static final List<String> TAGS = List.of("Tây Bắc", "thi đua");
    private static final List<String> CLUSTERS = List.of("tay-bac");
    private static final List<String> URBAN_AREAS = List.of("sa-pa", "lai-chau");
    private static final String ROUND = "tay-bac-2023";
    /** 09:00 on 25 Sep 2023 in Hà Nội (UTC+7). */
    private static final Instant PUBLISHED_AT = Instant.parse("2023-09-25T02:00:00Z");

    private static final String WORKSHOP_ARTICLE = "b3e0f9a4-6d21-4f7c-8a53-2e9d1c4b7f06";
    private static final String WORKSHOP_SLUG = "hoi-thao-cap-thoat-nuoc-va-xu-ly-nuoc-thai-cho-cac-do-thi-mien-nui-phia-bac";

    /** One realistic event of each type (several of some), around the report of the 2023 conference. */
    static List<IntegrationEvent> samples() {
        return List.of(
                reportOf2023(),
                workshopArticle(),
                correction(),
                silentCorrection(),
                new ArticleUnpublished(ARTICLE, SLUG, "Chờ xác nhận danh sách đề nghị khen thưởng"),
                unpublishedWithoutReason(),
                // published again after it was taken down
                new ArticlePublished(ARTICLE, SLUG, TITLE, SUMMARY, CATEGORY, TAGS, CLUSTERS, URBAN_AREAS,
                        Instant.parse("2023-10-02T01:15:00Z"), ArticlePublished.ROUND_OUTCOME, ROUND));
    }

    /** The draft the system wrote from RoundConcluded of tay-bac-2023, as an editor published it. */
    static ArticlePublished reportOf2023() {
        return new ArticlePublished(ARTICLE, SLUG, TITLE, SUMMARY, CATEGORY, TAGS, CLUSTERS, URBAN_AREAS, PUBLISHED_AT,
                ArticlePublished.ROUND_OUTCOME, ROUND);
    }

    /** Written by an editor, about no particular member; published at a time with a fraction of a second. */
    static ArticlePublished workshopArticle() {
        return new ArticlePublished(WORKSHOP_ARTICLE, WORKSHOP_SLUG,
                "Hội thảo cấp, thoát nước và xử lý nước thải cho các đô thị miền núi phía Bắc",
                "Hội thảo \"Thực trạng công tác quản lý cấp, thoát nước và xử lý nước thải, giải pháp cho các đô thị"
                        + " miền núi phía Bắc\" được tổ chức bên lề hội nghị giao ban tại Sa Pa.",
                "Hội thảo", List.of(), CLUSTERS, List.of(), Instant.parse("2023-09-26T08:30:15.250Z"),
                ArticlePublished.EDITOR, null);
    }

    /** The first correction: a tag added. */
    static ArticleCorrected correction() {
        return new ArticleCorrected(ARTICLE, SLUG, 2, TITLE, SUMMARY, CATEGORY, List.of("Tây Bắc", "thi đua", "Sa Pa"),
                "Bổ sung thẻ \"Sa Pa\".");
    }

    /** A later correction that dropped the tags and gave no note. */
    static ArticleCorrected silentCorrection() {
        return new ArticleCorrected(ARTICLE, SLUG, 3, TITLE, SUMMARY, CATEGORY, List.of(), null);
    }

    static ArticleUnpublished unpublishedWithoutReason() {
        return new ArticleUnpublished(WORKSHOP_ARTICLE, WORKSHOP_SLUG, null);
    }

    @Test
    void theCatalogNamesEveryTypeInTheDocumentedOrder() {
        assertThat(NewsEvents.CATALOG.topic()).isEqualTo(Topics.NEWS);
        assertThat(NewsEvents.CATALOG.source()).isEqualTo("/giaoban/news-service");
        assertThat(NewsEvents.CATALOG.types().keySet()).containsExactly(Stream.of("ArticlePublished", "ArticleCorrected",
                        "ArticleUnpublished")
                .map(name -> "org.giaoban.news." + name + ".v1").toArray(String[]::new));
        NewsEvents.CATALOG.types().forEach((type, record) -> {
            assertThat(NewsEvents.CATALOG.typeOf(record)).isEqualTo(type);
            assertThat(NewsEvents.CATALOG.classOf(type)).contains(record);
        });
    }

    @Test
    void everyCataloguedTypeHasASchemaAndEverySchemaIsCatalogued() {
        List<String> expected = NewsEvents.CATALOG.types().keySet().stream().map(NewsSchemasTest::fileOf).toList();

        assertThat(TestSchemas.filesIn(FOLDER)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everySchemaNamesItselfAndListsExactlyTheRecordComponents() {
        NewsEvents.CATALOG.types().forEach((type, record) -> {
            JsonNode schema = schemaOf(type);
            assertThat(schema.path("$id").asText()).isEqualTo("https://giaoban.org/schemas/" + Topics.NEWS + "/" + fileOf(type));
            assertThat(schema.path("additionalProperties").asBoolean()).as("consumers must ignore unknown fields").isTrue();
            assertThat(names(schema.path("properties"))).as(type).containsExactlyInAnyOrderElementsOf(components(record));
        });
    }

    @Test
    void thereIsASampleOfEveryType() {
        assertThat(samples().stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(NewsEvents.CATALOG.types().values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aSerialisedEventIsValidAndCarriesItsComponentsOnly(IntegrationEvent event) {
        JsonNode json = TestSchemas.MAPPER.valueToTree(event);

        // subject() is not a record component nor a getter, so Jackson leaves it out: the key carries it.
        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(components(event.getClass()));
        assertThat(TestSchemas.validate(schemaOf(NewsEvents.CATALOG.typeOf(event.getClass())), json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventIsKeyedByItsArticleAndReadsBackEqual(IntegrationEvent event) throws JsonProcessingException {
        String json = TestSchemas.MAPPER.writeValueAsString(event);

        assertThat(event.subject()).isEqualTo(TestSchemas.MAPPER.readTree(json).path("articleId").asText()).isNotBlank();
        assertThat(TestSchemas.MAPPER.readValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void theReportOf2023SerialisesAsAnalyticsReadsIt() {
        JsonNode json = TestSchemas.MAPPER.valueToTree(reportOf2023());

        assertThat(json.path("publishedAt").isTextual()).as("an ISO-8601 string, not a timestamp").isTrue();
        assertThat(json.path("publishedAt").asText()).isEqualTo("2023-09-25T02:00:00Z");
        assertThat(json.path("slug").asText()).isEqualTo(SLUG);
        assertThat(json.path("title").asText()).isEqualTo(TITLE);
        assertThat(json.path("category").asText()).isEqualTo("Đô thị");
        assertThat(TestSchemas.MAPPER.convertValue(json.path("tags"), List.class)).containsExactly("Tây Bắc", "thi đua");
        assertThat(TestSchemas.MAPPER.convertValue(json.path("clusterIds"), List.class)).containsExactly("tay-bac");
        assertThat(TestSchemas.MAPPER.convertValue(json.path("urbanAreaIds"), List.class)).containsExactly("sa-pa", "lai-chau");
        assertThat(json.path("source").asText()).isEqualTo("ROUND_OUTCOME");
        assertThat(json.path("roundId").asText()).isEqualTo(ROUND);
    }

    @Test
    void emptyListsAreEmptyArraysAndMissingValuesAreNull() {
        JsonNode editorial = TestSchemas.MAPPER.valueToTree(workshopArticle());
        JsonNode corrected = TestSchemas.MAPPER.valueToTree(silentCorrection());
        JsonNode unpublished = TestSchemas.MAPPER.valueToTree(unpublishedWithoutReason());

        assertThat(editorial.path("tags").isArray()).isTrue();
        assertThat(editorial.path("tags")).isEmpty();
        assertThat(editorial.path("urbanAreaIds").isArray()).isTrue();
        assertThat(editorial.path("urbanAreaIds")).isEmpty();
        assertThat(editorial.path("publishedAt").asText()).isEqualTo("2023-09-26T08:30:15.250Z");
        assertThat(editorial.path("roundId").isNull()).isTrue();
        assertThat(corrected.path("revision").isInt()).isTrue();
        assertThat(corrected.path("tags").isArray()).isTrue();
        assertThat(corrected.path("note").isNull()).isTrue();
        assertThat(unpublished.path("reason").isNull()).isTrue();
    }

    /** What producers may send beside the samples, and what a later minor version may add: all still valid. */
    static Stream<Arguments> validDocuments() {
        String published = "{'articleId':'a-1','slug':'giao-ban-2023','title':'Giao ban','summary':'Tóm tắt','category':'Đô thị',"
                + "'tags':[],'clusterIds':[],'urbanAreaIds':[],'publishedAt':AT,'source':SOURCE}";
        return Stream.of(
                Arguments.of("ArticlePublished", published.replace("AT", "'2023-09-25T09:00:00+07:00'").replace("SOURCE", "'EDITOR'")),
                Arguments.of("ArticlePublished", published.replace("AT", "'2023-09-25T02:00:00.123456789Z'")
                        .replace("SOURCE", "'EDITOR','roundId':null,'images':[{'url':'/media/quang-canh-2.jpg'}]")),
                Arguments.of("ArticlePublished", published.replace("AT", "'2023-09-25T02:00:00Z'")
                        .replace("SOURCE", "'ROUND_OUTCOME','roundId':'tay-bac-2023'")),
                Arguments.of("ArticleCorrected", "{'articleId':'a-1','slug':'giao-ban-2023','revision':2,'title':'Giao ban',"
                        + "'summary':'Tóm tắt','category':'Đô thị','tags':[],'note':null,'correctedBy':'biên tập viên'}"),
                Arguments.of("ArticleUnpublished", "{'articleId':'a-1','slug':'giao-ban-2023'}"));
    }

    @ParameterizedTest
    @MethodSource("validDocuments")
    void aDocumentWithNullsEmptyListsOrUnknownFieldsIsValid(String name, String document) throws JsonProcessingException {
        assertThat(TestSchemas.validate(schemaOf(typeNamed(name)), json(document))).isEmpty();
    }

    static Stream<Arguments> brokenDocuments() {
        String published = "{'articleId':'" + ARTICLE + "','slug':'" + SLUG + "','title':'" + TITLE + "','summary':'Tóm tắt',"
                + "'category':'Đô thị','tags':['Tây Bắc','thi đua'],'clusterIds':['tay-bac'],'urbanAreaIds':['sa-pa','lai-chau'],"
                + "'publishedAt':'2023-09-25T02:00:00Z','source':'ROUND_OUTCOME','roundId':'tay-bac-2023'}";
        String corrected = "{'articleId':'" + ARTICLE + "','slug':'" + SLUG + "','revision':2,'title':'" + TITLE + "',"
                + "'summary':'Tóm tắt','category':'Đô thị','tags':['Tây Bắc'],'note':'Đính chính'}";
        return Stream.of(
                Arguments.of("ArticlePublished", published.replace(",'publishedAt':'2023-09-25T02:00:00Z'", ""), "publishedAt"),
                Arguments.of("ArticlePublished", published.replace("'2023-09-25T02:00:00Z'", "'2023-09-25'"), "publishedAt"),
                Arguments.of("ArticlePublished", published.replace("'2023-09-25T02:00:00Z'", "'25/09/2023 09:00'"), "publishedAt"),
                Arguments.of("ArticlePublished", published.replace("'2023-09-25T02:00:00Z'", "1695607200"), "publishedAt"),
                Arguments.of("ArticlePublished", published.replace("'ROUND_OUTCOME'", "'SYSTEM'"), "source"),
                Arguments.of("ArticlePublished", published.replace("'tay-bac-2023'", "null"), "roundId"),
                Arguments.of("ArticlePublished", published.replace(",'roundId':'tay-bac-2023'", ""), "roundId"),
                Arguments.of("ArticlePublished", published.replace("['Tây Bắc','thi đua']", "null"), "tags"),
                Arguments.of("ArticlePublished", published.replace("['Tây Bắc','thi đua']", "['']"), "tags"),
                Arguments.of("ArticlePublished", published.replace(",'clusterIds':['tay-bac']", ""), "clusterIds"),
                Arguments.of("ArticlePublished", published.replace("['sa-pa','lai-chau']", "'sa-pa'"), "urbanAreaIds"),
                Arguments.of("ArticlePublished", published.replace("'" + TITLE + "'", "''"), "title"),
                Arguments.of("ArticlePublished", published.replace("'Đô thị'", "null"), "category"),
                Arguments.of("ArticleCorrected", corrected.replace("'revision':2", "'revision':'2'"), "revision"),
                Arguments.of("ArticleCorrected", corrected.replace("'revision':2", "'revision':0"), "revision"),
                Arguments.of("ArticleCorrected", corrected.replace("['Tây Bắc']", "null"), "tags"),
                Arguments.of("ArticleCorrected", corrected.replace(",'title':'" + TITLE + "'", ""), "title"),
                Arguments.of("ArticleCorrected", corrected.replace("'Tóm tắt'", "null"), "summary"),
                Arguments.of("ArticleUnpublished", "{'articleId':'" + ARTICLE + "','reason':'Gỡ bài'}", "slug"),
                Arguments.of("ArticleUnpublished", "{'articleId':42,'slug':'" + SLUG + "','reason':null}", "articleId"));
    }

    @ParameterizedTest
    @MethodSource("brokenDocuments")
    void aBrokenDocumentIsRejected(String name, String document, String field) throws JsonProcessingException {
        Set<String> messages = TestSchemas.validate(schemaOf(typeNamed(name)), json(document));

        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message).contains(field));
    }

    private static JsonNode json(String document) throws JsonProcessingException {
        return TestSchemas.MAPPER.readTree(document.replace('\'', '"'));
    }

    private static String typeNamed(String name) {
        return "org.giaoban.news." + name + ".v1";
    }

    /** {@code org.giaoban.news.ArticlePublished.v1} is described by {@code ArticlePublished.v1.json}. */
    private static String fileOf(String ceType) {
        return ceType.replaceFirst("^org\\.giaoban\\.news\\.", "") + ".json";
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
