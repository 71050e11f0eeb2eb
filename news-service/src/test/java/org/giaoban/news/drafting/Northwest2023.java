package org.giaoban.news.drafting;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.giaoban.contracts.competition.NominationSummary;
import org.giaoban.contracts.competition.Ref;
import org.giaoban.contracts.competition.RoundConcluded;

/**
 * The conclusion of the Northwest cluster's round of 2023 as the competition service publishes it (DOMAIN.md, "The
 * 2023 Northwest cluster"; the conference of 24 September 2023 in Sa Pa, {@code seed-article.vi.txt}).
 */
final class Northwest2023 {

    static final String ROUND = "tay-bac-2023";
    static final Ref CLUSTER = new Ref("tay-bac", "Cụm các đô thị vùng Tây Bắc");
    static final String MOVEMENT = "Đô thị Xanh - Sạch - Đẹp";
    static final String THEME = "Xây dựng đô thị phát triển bền vững và thân thiện với môi trường";
    static final String THEME_2024 = "Thực trạng hạ tầng giao thông đô thị, định hướng xây dựng hệ thống giao thông thông "
            + "minh gắn với bảo vệ môi trường và ứng phó biến đổi khí hậu";
    static final String WORKSHOP = "Thực trạng công tác quản lý cấp, thoát nước và xử lý nước thải, giải pháp cho các đô "
            + "thị miền núi phía Bắc";
    static final LocalDate CONFERENCE = LocalDate.of(2023, 9, 24);
    static final String VENUE = "Thị xã Sa Pa";

    /** The 11 members of 2023, id and name, as the round's participants. */
    static final Map<String, String> MEMBERS = members();

    static final Ref SA_PA = member("sa-pa");
    static final Ref LAI_CHAU = member("lai-chau");
    static final Ref TUYEN_QUANG = member("tuyen-quang");
    static final Ref HA_GIANG = member("ha-giang");
    static final Ref HOA_BINH = member("hoa-binh");

    private Northwest2023() {
    }

    /** Host Sa Pa, leader Tuyên Quang; Bằng khen for Lai Châu and Tuyên Quang, Giấy khen for Hà Giang, Hòa Bình, Sa Pa. */
    static RoundConcluded conclusion() {
        return conclusion(ROUND, CLUSTER);
    }

    /** The same facts under another round id and cluster (tests that must not share the 2023 round's draft). */
    static RoundConcluded conclusion(String roundId, Ref cluster) {
        return new RoundConcluded(roundId, cluster, 2023, MOVEMENT, THEME, CONFERENCE, VENUE, WORKSHOP, SA_PA, TUYEN_QUANG,
                MEMBERS.entrySet().stream().map(m -> new Ref(m.getKey(), m.getValue())).toList(),
                List.of(new NominationSummary(LAI_CHAU, "MINISTRY_MERIT"),
                        new NominationSummary(TUYEN_QUANG, "MINISTRY_MERIT"),
                        new NominationSummary(HA_GIANG, "ASSOCIATION_COMMENDATION"),
                        new NominationSummary(HOA_BINH, "ASSOCIATION_COMMENDATION"),
                        new NominationSummary(SA_PA, "ASSOCIATION_COMMENDATION")),
                LAI_CHAU, SA_PA, THEME_2024, LAI_CHAU);
    }

    private static Ref member(String id) {
        return new Ref(id, MEMBERS.get(id));
    }

    private static Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("hoa-binh", "Thành phố Hòa Bình");
        members.put("ha-giang", "Thành phố Hà Giang");
        members.put("yen-bai", "Thành phố Yên Bái");
        members.put("nghia-lo", "Thị xã Nghĩa Lộ");
        members.put("lai-chau", "Thành phố Lai Châu");
        members.put("lao-cai", "Thành phố Lào Cai");
        members.put("sa-pa", "Thị xã Sa Pa");
        members.put("son-la", "Thành phố Sơn La");
        members.put("dien-bien-phu", "Thành phố Điện Biên Phủ");
        members.put("muong-lay", "Thị xã Mường Lay");
        members.put("tuyen-quang", "Thành phố Tuyên Quang");
        return Collections.unmodifiableMap(members);
    }
}
