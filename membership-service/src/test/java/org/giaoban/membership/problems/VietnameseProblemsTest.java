package org.giaoban.membership.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import org.giaoban.membership.MembershipServiceTestBase;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

/**
 * {@code Accept-Language: vi} answers a problem's {@code detail} in Vietnamese, looked up by its code, whoever wrote
 * the problem: the aggregate (a domain refusal), the platform's handler (unreadable JSON), a security filter (no
 * token). The code never changes, and without the header (or with English preferred) the detail stays English.
 */
class VietnameseProblemsTest extends MembershipServiceTestBase {

    private static final String UNKNOWN = "/api/membership/urban-areas/khong-co-do-thi-nay";

    @Test
    void aDomainRefusalIsInVietnameseAndKeepsItsCode() {
        String id = "vi-problem-" + ThreadLocalRandom.current().nextInt(1_000_000);
        Http.Response registered = http.post("/api/membership/urban-areas",
                "{\"id\":\"" + id + "\",\"name\":\"Thị xã Thử Nghiệm\",\"kind\":\"TOWN\",\"province\":\"Lào Cai\"}");
        assertThat(registered.status()).as(registered.body()).isIn(200, 201);
        String withdrawal = "/api/membership/urban-areas/" + id + "/withdrawal";
        String body = "{\"effectiveFrom\":\"2024-01-01\",\"reason\":\"Thử\"}";

        Http.Response vietnamese = send(post(withdrawal, body).header("Accept-Language", "vi"));
        Http.Response english = http.post(withdrawal, body);

        assertThat(vietnamese.status()).as(vietnamese.body()).isEqualTo(409);
        assertThat(vietnamese.code()).isEqualTo("not-a-member");
        assertThat(vietnamese.json().path("detail").asText())
                .isEqualTo("Đô thị không là thành viên của cụm nào vào ngày trước ngày rút khỏi cụm.");
        assertThat(vietnamese.raw().headers().firstValue("Content-Language")).contains("vi");
        assertThat(english.code()).isEqualTo("not-a-member");
        assertThat(english.json().path("detail").asText()).contains("is not a member of any cluster");
    }

    @Test
    void anUnknownRecordIsInVietnameseOnlyWhenVietnameseIsPreferred() {
        Http.Response vietnamese = send(get(UNKNOWN).header("Accept-Language", "vi-VN, vi;q=0.9, en;q=0.5"));
        Http.Response englishFirst = send(get(UNKNOWN).header("Accept-Language", "en, vi;q=0.5"));
        Http.Response none = http.get(UNKNOWN);

        assertThat(vietnamese.status()).isEqualTo(404);
        assertThat(vietnamese.code()).isEqualTo("unknown-urban-area");
        assertThat(vietnamese.json().path("detail").asText()).isEqualTo("Không tìm thấy đô thị này.");
        assertThat(englishFirst.json().path("detail").asText()).isEqualTo("No urban area khong-co-do-thi-nay is registered.");
        assertThat(none.json().path("detail").asText()).isEqualTo("No urban area khong-co-do-thi-nay is registered.");
        assertThat(none.raw().headers().firstValue("Content-Language")).isEmpty();
    }

    @Test
    void thePlatformsOwnProblemsAreInVietnameseToo() {
        Http.Response malformed = send(post("/api/membership/clusters", "{\"id\": ").header("Accept-Language", "vi"));
        Http.Response noToken = send(HttpRequest.newBuilder(http.uri(UNKNOWN)).header("Accept-Language", "vi").GET(), true);

        assertThat(malformed.code()).isEqualTo("malformed-json");
        assertThat(malformed.json().path("detail").asText()).isEqualTo("Nội dung yêu cầu không phải là JSON hợp lệ.");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("unauthenticated");
        assertThat(noToken.json().path("detail").asText()).startsWith("Cần có mã truy cập hợp lệ");
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(http.uri(path)).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(http.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private Http.Response send(HttpRequest.Builder request) {
        return http.send(request);
    }

    private Http.Response send(HttpRequest.Builder request, boolean anonymously) {
        return anonymously ? http.anonymous().send(request) : http.send(request);
    }
}
