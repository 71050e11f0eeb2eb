package org.giaoban.competition.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.giaoban.competition.CompetitionServiceTestBase;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * {@code Accept-Language: vi} answers a problem's {@code detail} in Vietnamese by its code (the competition service's
 * own codes and the platform's); the code never changes, and without the header the detail stays English.
 */
class VietnameseProblemsTest extends CompetitionServiceTestBase {

    private static final String UNKNOWN_ROUND = "/api/competition/rounds/khong-co-2023";

    @Test
    void anUnknownRoundIsInVietnameseWhenAskedAndInEnglishOtherwise() {
        Http http = new Http(port);
        Http.Response vietnamese = http.send(HttpRequest.newBuilder(http.uri(UNKNOWN_ROUND)).header("Accept-Language", "vi").GET());
        Http.Response english = http.get(UNKNOWN_ROUND);

        assertThat(vietnamese.status()).isEqualTo(404);
        assertThat(vietnamese.code()).isEqualTo("unknown-round");
        assertThat(vietnamese.json().path("detail").asText()).isEqualTo("Không tìm thấy đợt thi đua này.");
        assertThat(english.code()).isEqualTo("unknown-round");
        assertThat(english.json().path("detail").asText()).isEqualTo("No round khong-co-2023 has been planned.");
    }

    @Test
    void refusalsOfTheDoorAreInVietnameseToo() {
        Http http = new Http(port);
        Http operator = http.as(TestTokens.operator());
        HttpRequest.Builder malformed = HttpRequest.newBuilder(http.uri("/api/competition/rounds"))
                .header("Content-Type", "application/json").header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clusterId\": ", StandardCharsets.UTF_8));
        HttpRequest.Builder anonymous = HttpRequest.newBuilder(http.uri("/api/competition/rounds"))
                .header("Content-Type", "application/json").header("Accept-Language", "vi")
                .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8));

        Http.Response unreadable = operator.send(malformed);
        Http.Response noToken = http.send(anonymous);
        Http.Response englishNoToken = http.post("/api/competition/rounds", "{}");

        assertThat(unreadable.code()).isEqualTo("malformed-json");
        assertThat(unreadable.json().path("detail").asText()).isEqualTo("Nội dung yêu cầu không phải là JSON hợp lệ.");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("unauthenticated");
        assertThat(noToken.json().path("detail").asText()).startsWith("Cần có mã truy cập hợp lệ");
        assertThat(englishNoToken.json().path("detail").asText()).startsWith("This needs a valid bearer token");
    }
}
