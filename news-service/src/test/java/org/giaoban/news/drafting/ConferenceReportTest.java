package org.giaoban.news.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.giaoban.contracts.competition.NominationSummary;
import org.giaoban.contracts.competition.Ref;
import org.giaoban.contracts.competition.RoundConcluded;
import org.giaoban.news.article.ArticleContent;
import org.junit.jupiter.api.Test;

/** The draft report of the Northwest cluster's conference of 2023, as the association reported it. */
class ConferenceReportTest {

    private final RoundConcluded round = Northwest2023.conclusion();
    private final ArticleContent draft = ConferenceReport.of(round);

    @Test
    void titledAsTheAssociationTitledItsReport() {
        assertThat(draft.title()).isEqualTo("Giao ban cụm các đô thị vùng Tây Bắc năm 2023");
    }

    @Test
    void summaryIsOneSentenceWithDateVenueAndHost() {
        assertThat(draft.summary()).isEqualTo("Ngày 24/9/2023, tại Thị xã Sa Pa, cụm các đô thị vùng Tây Bắc tổ chức hội "
                + "nghị giao ban năm 2023 do Thị xã Sa Pa đăng cai.");
    }

    @Test
    void opensWithDateVenueAndHost() {
        assertThat(paragraphs().get(0)).isEqualTo("Ngày 24/9/2023, tại Thị xã Sa Pa, Hiệp hội các đô thị Việt Nam phối "
                + "hợp với Thị xã Sa Pa (đơn vị đăng cai) tổ chức hội nghị giao ban cụm các đô thị vùng Tây Bắc năm 2023. "
                + "Cụm trưởng năm 2023 là Thành phố Tuyên Quang.");
    }

    @Test
    void namesTheElevenParticipantsInVietnameseOrder() {
        assertThat(paragraphs().get(1)).isEqualTo("Dự hội nghị có lãnh đạo của 11 đô thị thành viên cụm các đô thị vùng "
                + "Tây Bắc gồm: Thành phố Điện Biên Phủ, Thành phố Hà Giang, Thành phố Hòa Bình, Thành phố Lai Châu, "
                + "Thành phố Lào Cai, Thành phố Sơn La, Thành phố Tuyên Quang, Thành phố Yên Bái, Thị xã Mường Lay, "
                + "Thị xã Nghĩa Lộ, Thị xã Sa Pa.");
    }

    @Test
    void statesTheMovementAndItsTheme() {
        assertThat(paragraphs().get(2)).isEqualTo("Năm 2023, các đô thị thành viên cụm các đô thị vùng Tây Bắc thực hiện "
                + "phong trào thi đua “Đô thị Xanh - Sạch - Đẹp” với chủ đề “Xây dựng đô thị phát triển bền vững và thân "
                + "thiện với môi trường”.");
    }

    @Test
    void reportsTheProposalsPerAwardingBody() {
        assertThat(paragraphs().get(3)).isEqualTo("Hội nghị đã tổ chức bình xét thi đua năm 2023. Cụm các đô thị vùng "
                + "Tây Bắc đề nghị Bộ Xây dựng tặng Bằng khen đối với 2 đô thị: Thành phố Lai Châu, Thành phố Tuyên "
                + "Quang. Ngoài ra, cụm các đô thị vùng Tây Bắc cũng đề nghị Hiệp hội các đô thị Việt Nam tặng Giấy khen "
                + "đối với 3 đô thị: Thành phố Hà Giang, Thành phố Hòa Bình, Thị xã Sa Pa.");
    }

    @Test
    void reportsNextYearsThemeHostLeaderAndTheFlag() {
        assertThat(paragraphs().get(4)).isEqualTo("Tại hội nghị, lãnh đạo các đô thị thành viên đã thống nhất phương "
                + "hướng trọng tâm, chủ đề và đơn vị đăng cai năm 2024. Cụm các đô thị vùng Tây Bắc thống nhất chủ đề năm "
                + "2024 với nội dung: “Thực trạng hạ tầng giao thông đô thị, định hướng xây dựng hệ thống giao thông "
                + "thông minh gắn với bảo vệ môi trường và ứng phó biến đổi khí hậu”.");
        assertThat(paragraphs().get(5)).isEqualTo("Cụm các đô thị vùng Tây Bắc thống nhất đơn vị đăng cai, địa điểm tổ "
                + "chức hội nghị cụm các đô thị vùng Tây Bắc năm 2024 là Thành phố Lai Châu. Thị xã Sa Pa đã trao cờ thi "
                + "đua của cụm cho Thành phố Lai Châu. Cụm trưởng năm 2024 là Thị xã Sa Pa.");
    }

    @Test
    void endsWithTheWorkshop() {
        assertThat(paragraphs()).hasSize(7);
        assertThat(paragraphs().get(6)).isEqualTo("Trong khuôn khổ hội nghị, các đại biểu đã tham gia hội thảo với chủ đề "
                + "“Thực trạng công tác quản lý cấp, thoát nước và xử lý nước thải, giải pháp cho các đô thị miền núi phía "
                + "Bắc”.");
    }

    @Test
    void filedUnderClusterActivitiesWithTagsClusterAndUrbanAreasWithoutImages() {
        assertThat(draft.category()).isEqualTo("Hoạt động cụm");
        assertThat(draft.tags()).containsExactly("giao ban", "thi đua", "2023");
        assertThat(draft.clusterIds()).containsExactly("tay-bac");
        // The host, next year's host, then the nominees as the body names them; each once.
        assertThat(draft.urbanAreaIds()).containsExactly("sa-pa", "lai-chau", "tuyen-quang", "ha-giang", "hoa-binh");
        assertThat(draft.images()).isEmpty();
    }

    @Test
    void theSameConclusionGivesTheSameDraft() {
        assertThat(ConferenceReport.of(Northwest2023.conclusion())).isEqualTo(draft);
        assertThat(ConferenceReport.articleId("tay-bac-2023")).isEqualTo("round-tay-bac-2023");
    }

    @Test
    void theOrderOfTheEventsListsDoesNotChangeTheDraft() {
        RoundConcluded shuffled = new RoundConcluded(round.roundId(), round.cluster(), round.year(), round.movement(),
                round.theme(), round.conferenceDate(), round.venue(), round.workshopTopic(), round.host(), round.leader(),
                reversed(round.participants()), reversed(round.nominations()), round.nextHost(), round.nextLeader(),
                round.nextTheme(), round.flagHandedOverTo());

        assertThat(ConferenceReport.of(shuffled)).isEqualTo(draft);
    }

    @Test
    void leavesOutWhatWasNeverRecorded() {
        Ref host = new Ref("lai-chau", "Thành phố Lai Châu");
        Ref next = new Ref("dien-bien-phu", "Thành phố Điện Biên Phủ");
        RoundConcluded sparse = new RoundConcluded("tay-bac-2024", Northwest2023.CLUSTER, 2024, null, null, null, null,
                null, host, Northwest2023.SA_PA, List.of(host, next), List.of(), next, host, "Chủ đề năm 2025", next);

        ArticleContent content = ConferenceReport.of(sparse);

        assertThat(content.title()).isEqualTo("Giao ban cụm các đô thị vùng Tây Bắc năm 2024");
        assertThat(content.summary()).isEqualTo("Cụm các đô thị vùng Tây Bắc tổ chức hội nghị giao ban năm 2024 do Thành "
                + "phố Lai Châu đăng cai.");
        assertThat(content.body())
                .startsWith("Hiệp hội các đô thị Việt Nam phối hợp với Thành phố Lai Châu (đơn vị đăng cai) tổ chức")
                .contains("Hội nghị đã tổ chức bình xét thi đua năm 2024. Năm nay cụm không đề nghị khen thưởng.")
                .contains("thống nhất chủ đề năm 2025 với nội dung: “Chủ đề năm 2025”.")
                .contains("năm 2025 là Thành phố Điện Biên Phủ.")
                .doesNotContain("hội thảo", "phong trào thi đua", "Ngày ", "tại ", "Giấy khen", "Bằng khen");
        assertThat(content.urbanAreaIds()).containsExactly("lai-chau", "dien-bien-phu");
        assertThat(content.tags()).containsExactly("giao ban", "thi đua", "2024");
    }

    @Test
    void onlyTheCommonNounCumIsLowerCasedInTheTitle() {
        RoundConcluded otherName = withCluster(new Ref("tay-bac", "Cụm thi đua các đô thị vùng Tây Bắc"));
        RoundConcluded properName = withCluster(new Ref("thu-do", "Thủ đô và vùng phụ cận"));

        assertThat(ConferenceReport.of(otherName).title()).isEqualTo("Giao ban cụm thi đua các đô thị vùng Tây Bắc năm 2023");
        assertThat(ConferenceReport.of(properName).title()).isEqualTo("Giao ban Thủ đô và vùng phụ cận năm 2023");
    }

    @Test
    void anAwardThisServiceDoesNotKnowIsStillReported() {
        RoundConcluded withNewAward = new RoundConcluded(round.roundId(), round.cluster(), round.year(), round.movement(),
                round.theme(), round.conferenceDate(), round.venue(), round.workshopTopic(), round.host(), round.leader(),
                round.participants(), List.of(new NominationSummary(Northwest2023.HA_GIANG, "PRIME_MINISTER_MERIT")),
                round.nextHost(), round.nextLeader(), round.nextTheme(), round.flagHandedOverTo());

        assertThat(ConferenceReport.of(withNewAward).body())
                .contains("đề nghị khen thưởng (PRIME_MINISTER_MERIT) đối với 1 đô thị: Thành phố Hà Giang.");
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private RoundConcluded withCluster(Ref cluster) {
        return Northwest2023.conclusion(round.roundId(), cluster);
    }

    private List<String> paragraphs() {
        return List.of(draft.body().split("\n\n"));
    }
}
