package org.giaoban.contracts.competition;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/** The JSON Schemas of {@value Topics#COMPETITION} describe exactly what the records serialise to. */
class CompetitionSchemasTest {

    private static final Path FOLDER = TestSchemas.SCHEMAS.resolve(Topics.COMPETITION);

    // The 2023 round of the Northwest cluster (cụm các đô thị vùng Tây Bắc), 24 Sep 2023 in Sa Pa.
    private static final String ROUND = "tay-bac-2023";
    private static final Ref TAY_BAC = new Ref("tay-bac", "Cụm các đô thị vùng Tây Bắc");
    private static final Ref HOA_BINH = new Ref("hoa-binh", "Thành phố Hòa Bình");
    private static final Ref HA_GIANG = new Ref("ha-giang", "Thành phố Hà Giang");
    private static final Ref YEN_BAI = new Ref("yen-bai", "Thành phố Yên Bái");
    private static final Ref NGHIA_LO = new Ref("nghia-lo", "Thị xã Nghĩa Lộ");
    private static final Ref LAI_CHAU = new Ref("lai-chau", "Thành phố Lai Châu");
    private static final Ref LAO_CAI = new Ref("lao-cai", "Thành phố Lào Cai");
    private static final Ref SA_PA = new Ref("sa-pa", "Thị xã Sa Pa");
    private static final Ref SON_LA = new Ref("son-la", "Thành phố Sơn La");
    private static final Ref DIEN_BIEN_PHU = new Ref("dien-bien-phu", "Thành phố Điện Biên Phủ");
    private static final Ref MUONG_LAY = new Ref("muong-lay", "Thị xã Mường Lay");
    private static final Ref TUYEN_QUANG = new Ref("tuyen-quang", "Thành phố Tuyên Quang");
    private static final List<Ref> PARTICIPANTS_2023 = List.of(HOA_BINH, HA_GIANG, YEN_BAI, NGHIA_LO, LAI_CHAU, LAO_CAI,
            SA_PA, SON_LA, DIEN_BIEN_PHU, MUONG_LAY, TUYEN_QUANG);

    private static final String MOVEMENT = "Đô thị Xanh - Sạch - Đẹp";
    private static final String THEME_2023 = "Xây dựng đô thị phát triển bền vững và thân thiện với môi trường";
    private static final String THEME_2024 = "Thực trạng hạ tầng giao thông đô thị, định hướng xây dựng hệ thống giao thông"
            + " thông minh gắn với bảo vệ môi trường và ứng phó biến đổi khí hậu";
    private static final String WORKSHOP_2023 = "Thực trạng công tác quản lý cấp, thoát nước và xử lý nước thải, giải pháp"
            + " cho các đô thị miền núi phía Bắc";
    private static final LocalDate CONFERENCE_2023 = LocalDate.of(2023, 9, 24);

    private static final String MERIT = NominationProposed.MINISTRY_MERIT;
    private static final String COMMENDATION = NominationProposed.ASSOCIATION_COMMENDATION;

    /** The defaults of DOMAIN.md under the 2023 legal basis; the criteria are illustrative. */
    private static final Rules RULES_2023 = new Rules(
            "Luật Thi đua, Khen thưởng 2003 (sửa đổi); Nghị định 91/2017/NĐ-CP; Quy chế Hiệp hội các đô thị Việt Nam",
            Rules.OPEN, new BigDecimal("0.5"), quotas("0.2", "0.3"), false,
            List.of(new Criterion("Quy hoạch, kiến trúc đô thị", new BigDecimal("25")),
                    new Criterion("Cảnh quan, môi trường đô thị", new BigDecimal("30")),
                    new Criterion("Hạ tầng kỹ thuật đô thị", new BigDecimal("25")),
                    new Criterion("Văn minh đô thị", new BigDecimal("20"))));

    /** The 2024 round planned when the 2023 one concluded, later amended to the 2022 law and secret ballots. */
    private static final Rules RULES_2024 = new Rules("Luật Thi đua, Khen thưởng 2022; Nghị định 98/2023/NĐ-CP",
            Rules.SECRET, new BigDecimal("0.5"), quotas("0.2", "0.3"), false, List.of());

    /** One realistic event of each type (several of some), from the 2023 round of the Northwest cluster. */
    static List<IntegrationEvent> samples() {
        return List.of(
                new RoundPlanned(ROUND, TAY_BAC, 2023, MOVEMENT, THEME_2023, SA_PA, TUYEN_QUANG, CONFERENCE_2023,
                        "Thị xã Sa Pa", WORKSHOP_2023, RULES_2023),
                planned2024(),
                new RoundAmended("tay-bac-2024", TAY_BAC, 2024, MOVEMENT, THEME_2024, LAI_CHAU, SA_PA, null,
                        "Thành phố Lai Châu", null, RULES_2024),
                new RoundOpened(ROUND, "tay-bac", 2023, CONFERENCE_2023, PARTICIPANTS_2023),
                score(),
                new ScoreRecorded(ROUND, "muong-lay", "Văn minh đô thị", BigDecimal.ZERO),
                new MotionTabled(ROUND, "m-01", MotionTabled.NOMINATION, "lai-chau", MERIT, null),
                new MotionTabled(ROUND, "m-06", MotionTabled.NEXT_HOST, "lai-chau", null, null),
                new MotionTabled(ROUND, "m-07", MotionTabled.NEXT_HOST, "dien-bien-phu", null, null),
                new MotionTabled(ROUND, "m-08", MotionTabled.NEXT_THEME, null, null, THEME_2024),
                new MotionTabled(ROUND, "m-09", MotionTabled.NOMINATION, "son-la", COMMENDATION, null),
                new MotionWithdrawn(ROUND, "m-09"),
                new BallotCast(ROUND, "m-01", "sa-pa", BallotCast.APPROVE, BallotCast.DELEGATE),
                new BallotCast(ROUND, "m-01", "lai-chau", BallotCast.ABSTAIN, BallotCast.COORDINATOR),
                new MotionDecided(ROUND, "m-01", MotionTabled.NOMINATION, "lai-chau", MERIT, null, 10, 0, 1, 11,
                        MotionDecided.CARRIED, "threshold-met"),
                new MotionDecided(ROUND, "m-06", MotionTabled.NEXT_HOST, "lai-chau", null, null, 9, 1, 1, 11,
                        MotionDecided.CARRIED, "threshold-met"),
                new MotionDecided(ROUND, "m-07", MotionTabled.NEXT_HOST, "dien-bien-phu", null, null, 0, 0, 0, 11,
                        MotionDecided.NOT_CARRIED, "already-decided"),
                new MotionDecided(ROUND, "m-08", MotionTabled.NEXT_THEME, null, null, THEME_2024, 11, 0, 0, 11,
                        MotionDecided.CARRIED, "threshold-met"),
                new NominationProposed(ROUND, TAY_BAC, 2023, LAI_CHAU, MERIT, 10, 11),
                new NominationProposed(ROUND, TAY_BAC, 2023, SA_PA, COMMENDATION, 8, 11),
                // the references are illustrative
                new NominationForwarded(ROUND, "lai-chau", MERIT, "Tờ trình số 15/TTr-HHĐT"),
                new NominationDecided(ROUND, "lai-chau", MERIT, NominationDecided.AWARDED, "Quyết định số 1234/QĐ-BXD"),
                new NominationDecided(ROUND, "sa-pa", COMMENDATION, NominationDecided.DECLINED, "Công văn số 56/HHĐT"),
                new NextHostSelected(ROUND, "tay-bac", 2024, LAI_CHAU),
                new NextLeaderChosen(ROUND, "tay-bac", 2024, SA_PA),
                new NextThemeAdopted(ROUND, "tay-bac", 2024, THEME_2024),
                concluded2023());
    }

    /** Planned when the 2023 round concluded: this year's host leads next year; date, venue, workshop not yet known. */
    static RoundPlanned planned2024() {
        return new RoundPlanned("tay-bac-2024", TAY_BAC, 2024, MOVEMENT, THEME_2024, LAI_CHAU, SA_PA, null, null, null, RULES_2023);
    }

    static ScoreRecorded score() {
        return new ScoreRecorded(ROUND, "lai-chau", "Cảnh quan, môi trường đô thị", new BigDecimal("27.5"));
    }

    /** What the news service turns into its report of the 2023 conference. */
    static RoundConcluded concluded2023() {
        return new RoundConcluded(ROUND, TAY_BAC, 2023, MOVEMENT, THEME_2023, CONFERENCE_2023, "Thị xã Sa Pa",
                WORKSHOP_2023, SA_PA, TUYEN_QUANG, PARTICIPANTS_2023,
                List.of(new NominationSummary(LAI_CHAU, MERIT), new NominationSummary(TUYEN_QUANG, MERIT),
                        new NominationSummary(HA_GIANG, COMMENDATION), new NominationSummary(HOA_BINH, COMMENDATION),
                        new NominationSummary(SA_PA, COMMENDATION)),
                LAI_CHAU, SA_PA, THEME_2024, LAI_CHAU);
    }

    @Test
    void theCatalogNamesEveryTypeInTheDocumentedOrder() {
        assertThat(CompetitionEvents.CATALOG.topic()).isEqualTo(Topics.COMPETITION);
        assertThat(CompetitionEvents.CATALOG.source()).isEqualTo("/giaoban/competition-service");
        assertThat(CompetitionEvents.CATALOG.types().keySet()).containsExactly(Stream.of("RoundPlanned", "RoundAmended",
                        "RoundOpened", "ScoreRecorded", "MotionTabled", "MotionWithdrawn", "BallotCast", "MotionDecided",
                        "NominationProposed", "NominationForwarded", "NominationDecided", "NextHostSelected",
                        "NextLeaderChosen", "NextThemeAdopted", "RoundConcluded")
                .map(name -> "org.giaoban.competition." + name + ".v1").toArray(String[]::new));
        CompetitionEvents.CATALOG.types().forEach((type, record) -> {
            assertThat(CompetitionEvents.CATALOG.typeOf(record)).isEqualTo(type);
            assertThat(CompetitionEvents.CATALOG.classOf(type)).contains(record);
        });
    }

    @Test
    void everyCataloguedTypeHasASchemaAndEverySchemaIsCatalogued() {
        List<String> expected = CompetitionEvents.CATALOG.types().keySet().stream().map(CompetitionSchemasTest::fileOf).toList();

        assertThat(TestSchemas.filesIn(FOLDER)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everySchemaNamesItselfAndListsExactlyTheRecordComponents() {
        CompetitionEvents.CATALOG.types().forEach((type, record) -> {
            JsonNode schema = schemaOf(type);
            assertThat(schema.path("$id").asText()).isEqualTo("https://giaoban.org/schemas/" + Topics.COMPETITION + "/" + fileOf(type));
            assertThat(schema.path("additionalProperties").asBoolean()).as("consumers must ignore unknown fields").isTrue();
            assertThat(names(schema.path("properties"))).as(type).containsExactlyInAnyOrderElementsOf(components(record));
        });
    }

    /** Ref, Rules, Criterion and NominationSummary are defined in each schema that uses them, all alike. */
    @Test
    void everyDefinitionListsExactlyTheComponentsOfItsRecordAndIsTheSameInEverySchema() {
        Map<String, JsonNode> definitions = new LinkedHashMap<>();
        CompetitionEvents.CATALOG.types().keySet().forEach(type -> schemaOf(type).path("$defs").properties().forEach(def -> {
            JsonNode first = definitions.putIfAbsent(def.getKey(), def.getValue());
            assertThat(def.getValue()).as(def.getKey() + " in " + fileOf(type)).isEqualTo(first == null ? def.getValue() : first);
        }));

        assertThat(definitions).containsOnlyKeys("Ref", "Rules", "Criterion", "NominationSummary");
        definitions.forEach((name, definition) -> {
            assertThat(definition.path("additionalProperties").asBoolean()).as(name + " ignores unknown fields").isTrue();
            assertThat(names(definition.path("properties"))).as(name)
                    .containsExactlyInAnyOrderElementsOf(components(recordNamed(name)));
        });
    }

    @Test
    void thereIsASampleOfEveryType() {
        assertThat(samples().stream().map(Object::getClass).distinct().toList())
                .containsExactlyInAnyOrderElementsOf(CompetitionEvents.CATALOG.types().values());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void aSerialisedEventIsValidAndCarriesItsComponentsOnly(IntegrationEvent event) {
        JsonNode json = TestSchemas.MAPPER.valueToTree(event);

        // subject() is not a record component nor a getter, so Jackson leaves it out: the key carries it.
        assertThat(names(json)).containsExactlyInAnyOrderElementsOf(components(event.getClass()));
        assertThat(TestSchemas.validate(schemaOf(CompetitionEvents.CATALOG.typeOf(event.getClass())), json)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyEventIsKeyedByItsRoundAndReadsBackEqual(IntegrationEvent event) throws JsonProcessingException {
        String json = TestSchemas.MAPPER.writeValueAsString(event);

        assertThat(event.subject()).isEqualTo(TestSchemas.MAPPER.readTree(json).path("roundId").asText()).isNotBlank();
        assertThat(TestSchemas.MAPPER.readValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void theConclusionOf2023SerialisesAsTheNewsServiceReadsIt() {
        JsonNode json = TestSchemas.MAPPER.valueToTree(concluded2023());

        assertThat(json.path("conferenceDate").asText()).isEqualTo("2023-09-24");
        assertThat(json.at("/host/name").asText()).isEqualTo("Thị xã Sa Pa");
        assertThat(json.at("/leader/id").asText()).isEqualTo("tuyen-quang");
        assertThat(json.path("participants")).hasSize(11);
        assertThat(json.path("nominations").findValuesAsText("award"))
                .containsExactly(MERIT, MERIT, COMMENDATION, COMMENDATION, COMMENDATION);
        assertThat(json.at("/nominations/0/urbanArea/name").asText()).isEqualTo("Thành phố Lai Châu");
        assertThat(json.at("/nextHost/id").asText()).isEqualTo("lai-chau");
        assertThat(json.at("/flagHandedOverTo/id").asText()).isEqualTo("lai-chau");
        assertThat(json.path("nextTheme").asText()).isEqualTo(THEME_2024);
    }

    @Test
    void numbersAreJsonNumbersAndMissingValuesAreNull() {
        JsonNode planned = TestSchemas.MAPPER.valueToTree(planned2024());
        JsonNode score = TestSchemas.MAPPER.valueToTree(score());

        assertThat(planned.at("/rules/approvalThreshold").isNumber()).isTrue();
        assertThat(planned.at("/rules/quotas/MINISTRY_MERIT").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(planned.at("/rules/criteria/0/maxPoints").isNumber()).isTrue();
        assertThat(score.path("points").decimalValue()).isEqualByComparingTo("27.5");
        assertThat(planned.path("conferenceDate").isNull()).isTrue();
        assertThat(planned.path("venue").isNull()).isTrue();
    }

    /** What producers may send beside the samples, and what a later minor version may add: all still valid. */
    static Stream<Arguments> validDocuments() {
        String ref = "{'id':'sa-pa','name':'Thị xã Sa Pa'}";
        String rules = "{'legalBasis':null,'voteMethod':'SECRET','approvalThreshold':0.5,'quotas':{},'hostMayRepeat':true,'criteria':[]}";
        return Stream.of(
                Arguments.of("RoundPlanned", "{'roundId':'tay-bac-2019','cluster':{'id':'tay-bac','name':'Cụm các đô thị vùng Tây Bắc'},"
                        + "'year':2019,'movement':'Đô thị Xanh - Sạch - Đẹp','theme':'Chủ đề','host':" + ref + ",'leader':" + ref
                        + ",'conferenceDate':null,'venue':null,'workshopTopic':null,'rules':" + rules + "}"),
                Arguments.of("RoundOpened", "{'roundId':'tay-bac-2023','clusterId':'tay-bac','year':2023,'rosterDate':'2023-09-24',"
                        + "'participants':[],'openedBy':'điều phối viên'}"),
                Arguments.of("RoundConcluded", "{'roundId':'tay-bac-2023','cluster':{'id':'tay-bac','name':'Tây Bắc','nameEn':'Northwest'},"
                        + "'year':2023,'movement':'m','theme':'t','host':" + ref + ",'leader':" + ref + ",'participants':[" + ref + "],"
                        + "'nominations':[],'nextHost':" + ref + ",'nextLeader':" + ref + ",'nextTheme':'t','flagHandedOverTo':" + ref + "}"),
                Arguments.of("MotionTabled", "{'roundId':'tay-bac-2023','motionId':'m-10','kind':'NEXT_LEADER','urbanAreaId':'sa-pa'}"));
    }

    @ParameterizedTest
    @MethodSource("validDocuments")
    void aDocumentWithNullsEmptyListsOrUnknownFieldsIsValid(String name, String document) throws JsonProcessingException {
        assertThat(TestSchemas.validate(schemaOf(typeNamed(name)), json(document))).isEmpty();
    }

    static Stream<Arguments> brokenDocuments() {
        String ref = "{'id':'sa-pa','name':'Thị xã Sa Pa'}";
        String rules = "{'legalBasis':null,'voteMethod':'OPEN','approvalThreshold':0.5,'quotas':{'MINISTRY_MERIT':0.2},'hostMayRepeat':false,'criteria':[]}";
        String planned = "{'roundId':'tay-bac-2023','cluster':{'id':'tay-bac','name':'Cụm các đô thị vùng Tây Bắc'},'year':2023,"
                + "'movement':'Đô thị Xanh - Sạch - Đẹp','theme':'Chủ đề','host':HOST,'leader':" + ref
                + ",'conferenceDate':DATE,'venue':null,'workshopTopic':null,'rules':RULES}";
        String plannedOk = planned.replace("HOST", ref).replace("DATE", "'2023-09-24'");
        String motion = "{'roundId':'tay-bac-2023','motionId':'m-01',";
        String decided = motion + "'kind':'NOMINATION','urbanAreaId':'lai-chau','award':'MINISTRY_MERIT','theme':null,";
        String concluded = "{'roundId':'tay-bac-2023','cluster':{'id':'tay-bac','name':'Tây Bắc'},'year':2023,'movement':'m',"
                + "'theme':'t','host':" + ref + ",'leader':" + ref + ",'participants':[" + ref + "],'nominations':NOMINATIONS,"
                + "'nextHost':" + ref + ",'nextLeader':" + ref + ",'nextTheme':'t','flagHandedOverTo':" + ref + "}";
        return Stream.of(
                Arguments.of("RoundPlanned", plannedOk.replace("RULES", rules).replace(",'rules':" + rules, ""), "rules"),
                Arguments.of("RoundPlanned", plannedOk.replace("RULES", rules.replace("'OPEN'", "'SHOW_OF_HANDS'")), "voteMethod"),
                Arguments.of("RoundPlanned", plannedOk.replace("RULES", rules.replace("0.5", "1.5")), "approvalThreshold"),
                Arguments.of("RoundPlanned", plannedOk.replace("RULES", rules.replace("'MINISTRY_MERIT'", "'BANG_KHEN'")), "quotas"),
                Arguments.of("RoundPlanned", plannedOk.replace("RULES", rules.replace("'criteria':[]", "'criteria':null")), "criteria"),
                Arguments.of("RoundPlanned", plannedOk.replace("RULES", rules.replace("'criteria':[]",
                        "'criteria':[{'name':'Văn minh đô thị','maxPoints':'20'}]")), "maxPoints"),
                Arguments.of("RoundPlanned", planned.replace("HOST", "{'id':'sa-pa'}").replace("DATE", "null").replace("RULES", rules), "host"),
                Arguments.of("RoundPlanned", planned.replace("HOST", "null").replace("DATE", "null").replace("RULES", rules), "host"),
                Arguments.of("RoundAmended", planned.replace("HOST", ref).replace("DATE", "'24/09/2023'").replace("RULES", rules), "conferenceDate"),
                Arguments.of("RoundOpened", "{'roundId':'tay-bac-2023','clusterId':'tay-bac','year':2023,'rosterDate':'2023-09-24','participants':null}", "participants"),
                Arguments.of("RoundOpened", "{'roundId':'tay-bac-2023','clusterId':'tay-bac','year':'2023','rosterDate':'2023-09-24','participants':[]}", "year"),
                Arguments.of("ScoreRecorded", "{'roundId':'tay-bac-2023','urbanAreaId':'lai-chau','criterion':'Văn minh đô thị','points':'27.5'}", "points"),
                Arguments.of("ScoreRecorded", "{'roundId':'tay-bac-2023','urbanAreaId':'lai-chau','criterion':'Văn minh đô thị','points':-1}", "points"),
                Arguments.of("MotionTabled", motion + "'kind':'NEXT_VENUE','urbanAreaId':null,'award':null,'theme':'Lai Châu'}", "kind"),
                Arguments.of("MotionTabled", motion + "'kind':'NOMINATION','urbanAreaId':'lai-chau','award':null,'theme':null}", "award"),
                Arguments.of("MotionTabled", motion + "'kind':'NOMINATION','urbanAreaId':'lai-chau','award':'BANG_KHEN','theme':null}", "award"),
                Arguments.of("MotionTabled", motion + "'kind':'NEXT_HOST','award':null,'theme':null}", "urbanAreaId"),
                Arguments.of("MotionTabled", motion + "'kind':'NEXT_THEME','urbanAreaId':null,'award':null,'theme':null}", "theme"),
                Arguments.of("MotionWithdrawn", "{'roundId':'tay-bac-2023'}", "motionId"),
                Arguments.of("BallotCast", motion + "'urbanAreaId':'sa-pa','vote':'YES','recordedBy':'DELEGATE'}", "vote"),
                Arguments.of("BallotCast", motion + "'urbanAreaId':'sa-pa','vote':'APPROVE','recordedBy':'CHAIR'}", "recordedBy"),
                Arguments.of("MotionDecided", decided + "'approvals':10,'rejections':0,'abstentions':1,'participants':11,'outcome':'PASSED','reason':'threshold-met'}", "outcome"),
                Arguments.of("MotionDecided", decided + "'approvals':-1,'rejections':0,'abstentions':1,'participants':11,'outcome':'CARRIED','reason':'threshold-met'}", "approvals"),
                Arguments.of("MotionDecided", decided + "'approvals':10,'rejections':0,'abstentions':1,'participants':11,'outcome':'CARRIED'}", "reason"),
                Arguments.of("NominationProposed", "{'roundId':'tay-bac-2023','cluster':{'id':'tay-bac','name':'Tây Bắc'},'year':2023,"
                        + "'urbanArea':{'id':'lai-chau','name':'Thành phố Lai Châu'},'award':'BANG_KHEN','approvals':10,'participants':11}", "award"),
                Arguments.of("NominationProposed", "{'roundId':'tay-bac-2023','cluster':{'id':'tay-bac','name':'Tây Bắc'},'year':2023,"
                        + "'urbanArea':'lai-chau','award':'MINISTRY_MERIT','approvals':10,'participants':11}", "urbanArea"),
                Arguments.of("NominationForwarded", "{'roundId':'tay-bac-2023','urbanAreaId':'lai-chau','award':'MINISTRY_MERIT','reference':null}", "reference"),
                Arguments.of("NominationDecided", "{'roundId':'tay-bac-2023','urbanAreaId':'lai-chau','award':'MINISTRY_MERIT','decision':'GRANTED','reference':'QĐ'}", "decision"),
                Arguments.of("NextHostSelected", "{'roundId':'tay-bac-2023','clusterId':'tay-bac','forYear':2024,'urbanArea':null}", "urbanArea"),
                Arguments.of("NextLeaderChosen", "{'roundId':'tay-bac-2023','clusterId':'tay-bac','urbanArea':" + ref + "}", "forYear"),
                Arguments.of("NextThemeAdopted", "{'roundId':'tay-bac-2023','clusterId':'tay-bac','forYear':2024,'theme':''}", "theme"),
                Arguments.of("RoundConcluded", concluded.replace("NOMINATIONS", "null"), "nominations"),
                Arguments.of("RoundConcluded", concluded.replace("NOMINATIONS", "[{'urbanArea':" + ref + ",'award':'GIAY_KHEN'}]"), "award"),
                Arguments.of("RoundConcluded", concluded.replace("NOMINATIONS", "[]").replace(",'nextHost':" + ref, ""), "nextHost"));
    }

    @ParameterizedTest
    @MethodSource("brokenDocuments")
    void aBrokenDocumentIsRejected(String name, String document, String field) throws JsonProcessingException {
        Set<String> messages = TestSchemas.validate(schemaOf(typeNamed(name)), json(document));

        assertThat(messages).isNotEmpty().allSatisfy(message -> assertThat(message).contains(field));
    }

    private static Map<String, BigDecimal> quotas(String merit, String commendation) {
        Map<String, BigDecimal> quotas = new LinkedHashMap<>();
        quotas.put(MERIT, new BigDecimal(merit));
        quotas.put(COMMENDATION, new BigDecimal(commendation));
        return quotas;
    }

    private static JsonNode json(String document) throws JsonProcessingException {
        return TestSchemas.MAPPER.readTree(document.replace('\'', '"'));
    }

    private static String typeNamed(String name) {
        return "org.giaoban.competition." + name + ".v1";
    }

    private static Class<?> recordNamed(String name) {
        try {
            return Class.forName(CompetitionSchemasTest.class.getPackageName() + "." + name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("$defs/" + name + " describes no record of " + CompetitionSchemasTest.class.getPackageName(), e);
        }
    }

    /** {@code org.giaoban.competition.RoundConcluded.v1} is described by {@code RoundConcluded.v1.json}. */
    private static String fileOf(String ceType) {
        return ceType.replaceFirst("^org\\.giaoban\\.competition\\.", "") + ".json";
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
