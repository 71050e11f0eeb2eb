package org.giaoban.competition.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.platform.demo.ApiClient;
import org.giaoban.platform.demo.ApiClient.Response;
import org.giaoban.platform.demo.Credentials;
import org.giaoban.platform.demo.Credentials.Account;
import org.giaoban.platform.demo.GatewayCredentials;

/**
 * Replays the 2023 conference of the Northwest cluster (Sa Pa, 24 September 2023) through the competition API, as
 * its coordinator and delegates did: the round is planned and opened with the 11 members of that day, scored, the
 * five award proposals, next year's host and theme are put to the vote and carried, and the round is concluded with
 * the flag passing from Sa Pa to Lai Châu. Needs the membership demo first. Scores are illustrative (the article
 * gives none).
 *
 * <p>Each step is taken by whoever API.md says takes it, with a token from {@link Credentials}: the cluster's
 * coordinator ({@value #COORDINATOR}) plans, opens, scores, tables, closes and concludes; each member's delegate
 * casts its own ballot; the operator watches membership's publishing. Usage: {@code NorthwestRound2023 [gatewayUrl]}
 * (default {@code http://localhost:8080}, through which both competition and membership are reached; the operator from
 * {@code GIAOBAN_DEMO_OPERATOR_ID} / {@code _SECRET}, by default the local profile's {@code operator}).
 */
public final class NorthwestRound2023 {

    public static final String ROUND = "tay-bac-2023";
    public static final List<String> MEMBERS = List.of("hoa-binh", "ha-giang", "yen-bai", "nghia-lo", "lai-chau", "lao-cai",
            "sa-pa", "son-la", "dien-bien-phu", "muong-lay", "tuyen-quang");
    public static final String THEME_2024 = "Thực trạng hạ tầng giao thông đô thị, định hướng xây dựng hệ thống giao thông"
            + " thông minh gắn với bảo vệ môi trường và ứng phó biến đổi khí hậu";

    /** The client id of the Northwest cluster's coordinator. */
    public static final String COORDINATOR = "tay-bac-coordinator";

    private final ApiClient anyone;
    private final ApiClient coordinator;
    private final Map<String, ApiClient> delegates = new LinkedHashMap<>();
    private final ApiClient membership;
    private final PrintStream out;

    /**
     * @param competitionUrl where the competition API is served (the gateway, or the service itself)
     * @param membershipUrl  where the membership API is served, to wait for its publishing; null: do not wait
     */
    public NorthwestRound2023(String competitionUrl, String membershipUrl, Credentials credentials, PrintStream out) {
        this.anyone = new ApiClient(competitionUrl, "demo-northwest-2023");
        this.coordinator = anyone.as(credentials.tokenFor(Account.coordinator(COORDINATOR, "tay-bac")));
        for (String member : MEMBERS) {
            delegates.put(member, anyone.as(credentials.tokenFor(Account.delegate(member))));
        }
        this.membership = membershipUrl == null ? null
                : new ApiClient(membershipUrl, "demo-northwest-2023").as(credentials.tokenFor(Account.operator()));
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String gatewayUrl = args.length > 0 ? args[0] : "http://localhost:8080";
        try {
            new NorthwestRound2023(gatewayUrl, gatewayUrl, GatewayCredentials.fromEnvironment(gatewayUrl), System.out).load();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    public void load() throws IOException, InterruptedException {
        Response existing = anyone.send("GET", "/api/competition/rounds/" + ROUND, null);
        if (existing.status() == 200 && !"PLANNED".equals(existing.json().path("state").asText())) {
            out.println("The 2023 round is already " + existing.json().path("state").asText() + "; nothing to load.");
            return;
        }
        awaitMembershipPublished();
        expect(coordinator.send("POST", "/api/competition/rounds", plan()), "Plan the 2023 round of the Northwest cluster, hosted by Sa Pa");
        openWhenTheRosterIsCurrent();

        String[][] scores = {{"lai-chau", "38", "28", "27"}, {"tuyen-quang", "37", "28", "27"}, {"ha-giang", "35", "27", "26"},
                {"hoa-binh", "35", "26", "26"}, {"sa-pa", "34", "26", "27"}, {"lao-cai", "33", "26", "25"},
                {"son-la", "33", "25", "25"}, {"dien-bien-phu", "32", "25", "25"}, {"yen-bai", "32", "25", "24"},
                {"nghia-lo", "31", "24", "24"}, {"muong-lay", "30", "24", "23"}};
        String[] criteria = {"Xanh", "Sạch", "Đẹp"};
        for (String[] row : scores) {
            for (int i = 0; i < criteria.length; i++) {
                expect(coordinator.send("POST", path("/scores"), Map.of("urbanAreaId", row[0], "criterion", criteria[i],
                        "points", Integer.parseInt(row[i + 1]))), null);
            }
        }
        out.println("  scored 11 members on Xanh, Sạch, Đẹp (illustrative points)");

        motion(Map.of("kind", "NOMINATION", "urbanAreaId", "lai-chau", "award", "MINISTRY_MERIT"), "Bằng khen for Lai Châu city");
        motion(Map.of("kind", "NOMINATION", "urbanAreaId", "tuyen-quang", "award", "MINISTRY_MERIT"), "Bằng khen for Tuyên Quang city");
        motion(Map.of("kind", "NOMINATION", "urbanAreaId", "ha-giang", "award", "ASSOCIATION_COMMENDATION"), "Giấy khen for Hà Giang city");
        motion(Map.of("kind", "NOMINATION", "urbanAreaId", "hoa-binh", "award", "ASSOCIATION_COMMENDATION"), "Giấy khen for Hòa Bình city");
        motion(Map.of("kind", "NOMINATION", "urbanAreaId", "sa-pa", "award", "ASSOCIATION_COMMENDATION"), "Giấy khen for Sa Pa town");
        motion(Map.of("kind", "NEXT_HOST", "urbanAreaId", "lai-chau"), "Lai Châu city hosts in 2024");
        motion(Map.of("kind", "NEXT_THEME", "theme", THEME_2024), "the 2024 theme");

        expect(coordinator.send("POST", path("/conclusion"), null), "Conclude: the flag passes from Sa Pa to Lai Châu; tay-bac-2024 is planned");
    }

    /** The coordinator tables a motion, each of the 11 delegates approves it, and the coordinator closes it. */
    private void motion(Map<String, Object> motion, String what) throws IOException, InterruptedException {
        Response tabled = expect(coordinator.send("POST", path("/motions"), motion), null);
        String motionId = tabled.json().path("motionId").asText();
        for (String delegate : MEMBERS) {
            expect(delegates.get(delegate).send("PUT", path("/motions/" + motionId + "/ballots/" + delegate), Map.of("vote", "APPROVE")), null);
        }
        Response closed = expect(coordinator.send("POST", path("/motions/" + motionId + "/closing"), null), null);
        out.printf("  %s: %s by 11 of 11%n", what, closed.json().path("state").asText());
    }

    private Map<String, Object> plan() {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("clusterId", "tay-bac");
        plan.put("year", 2023);
        plan.put("movement", "Đô thị Xanh - Sạch - Đẹp");
        plan.put("theme", "Xây dựng đô thị phát triển bền vững và thân thiện với môi trường");
        plan.put("hostId", "sa-pa");
        plan.put("leaderId", "tuyen-quang");
        plan.put("conferenceDate", "2023-09-24");
        plan.put("venue", "Thị xã Sa Pa");
        plan.put("workshopTopic", "Thực trạng công tác quản lý cấp, thoát nước và xử lý nước thải, giải pháp cho các đô thị miền núi phía Bắc");
        plan.put("rules", Map.of(
                "legalBasis", "Luật Thi đua, Khen thưởng 2003 (sửa đổi); Nghị định 91/2017/NĐ-CP; Quy chế Hiệp hội các đô thị Việt Nam",
                "criteria", List.of(Map.of("name", "Xanh", "maxPoints", 40), Map.of("name", "Sạch", "maxPoints", 30),
                        Map.of("name", "Đẹp", "maxPoints", 30))));
        return plan;
    }

    /** The roster copy follows membership's topic; opening waits until it has caught up. */
    private void openWhenTheRosterIsCurrent() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            Response opened = coordinator.send("POST", path("/opening"), Map.of());
            String code = opened.code();
            if (opened.status() < 300 || "round-already-open".equals(code)) {
                out.println("  opened with the cluster's members on 2023-09-24");
                return;
            }
            if (!("roster-not-current".equals(code) || "no-participants".equals(code) || "host-not-a-participant".equals(code))
                    || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Opening the round was refused: " + opened.body());
            }
            Thread.sleep(500);
        }
    }

    /** Membership publishes through its outbox a moment after it stores; wait until nothing is left to publish. */
    private void awaitMembershipPublished() throws IOException, InterruptedException {
        if (membership == null) {
            return;
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode processor : membership.get("/api/membership/admin/projections").orFail().json()) {
                if (processor.path("publishesIntegrationEvents").asBoolean() && processor.path("lag").asLong() == 0) {
                    return;
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The membership service did not publish its events within a minute");
    }

    private Response expect(Response response, String say) {
        response.orFail();
        if (say != null) {
            out.printf("%3d %s%n", response.status(), say);
        }
        return response;
    }

    private String path(String suffix) {
        return "/api/competition/rounds/" + ROUND + suffix;
    }
}
