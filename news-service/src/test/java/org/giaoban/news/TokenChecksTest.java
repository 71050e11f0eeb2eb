package org.giaoban.news;

import static org.assertj.core.api.Assertions.assertThat;
import static org.giaoban.news.article.EditorialDesk.content;
import static org.giaoban.news.article.EditorialDesk.json;
import static org.giaoban.news.article.EditorialDesk.unique;

import java.util.stream.Stream;

import org.giaoban.news.article.EditorialDesk;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.ForgedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The news service checks every token it is shown, on public reads as on an editor's writes: a forged, expired or
 * misdirected one (all of them claim OPERATOR) is 401 problem+json with a {@code WWW-Authenticate} challenge, and
 * stores nothing. Without a token a public read would succeed; with a bad one it does not.
 */
class TokenChecksTest extends NewsServiceTestBase {

    static Stream<Arguments> forgedTokens() {
        return ForgedTokens.ofTestIssuer().all().entrySet().stream().map(forged -> Arguments.of(forged.getKey(), forged.getValue()));
    }

    @ParameterizedTest(name = "{0} -> 401 on POST /api/news/articles")
    @MethodSource("forgedTokens")
    void aBadTokenCannotWrite(String forgery, String token) {
        awaitProjectionsCaughtUp();
        long before = storedEvents();

        Http.Response response = http.as(token).post("/api/news/articles", json(content("Bài giả mạo " + unique())));

        assertInvalidToken(response);
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> 401 on POST /api/news/articles/<articleId>/publication")
    @MethodSource("forgedTokens")
    void aBadTokenCannotPublish(String forgery, String token) {
        String articleId = new EditorialDesk(editor).create(content("Bài chờ đăng " + unique()));
        new EditorialDesk(editor).submit(articleId);
        awaitProjectionsCaughtUp();
        long before = storedEvents();

        Http.Response response = http.as(token).post("/api/news/articles/" + articleId + "/publication", "");

        assertInvalidToken(response);
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} -> 401 on the public GET {2}")
    @MethodSource("forgedTokensOnPublicReads")
    void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded(String forgery, String token, String path) {
        assertThat(http.get(path).status()).as("without a token, " + path + " is open").isEqualTo(200);
        long before = storedEvents();

        assertInvalidToken(http.as(token).get(path));
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }

    static Stream<Arguments> forgedTokensOnPublicReads() {
        return forgedTokens().flatMap(forged -> Stream.of("/api/news/articles", "/api/news/feed.atom", "/news")
                .map(path -> Arguments.of(forged.get()[0], forged.get()[1], path)));
    }

    @Test
    void theControlTokenIsAcceptedWhereAnOperatorMayGoAndRefusedOnAnEditorsRoute() {
        String valid = ForgedTokens.ofTestIssuer().valid();
        awaitProjectionsCaughtUp();
        long before = storedEvents();

        assertThat(http.as(valid).get("/api/news/articles").status()).isEqualTo(200);
        assertThat(http.as(valid).get("/api/news/admin/projections").status()).isEqualTo(200);
        Http.Response write = http.as(valid).post("/api/news/articles", json(content("Bài của người vận hành " + unique())));
        assertThat(write.status()).as(write.body()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.code()).isEqualTo("forbidden");
        assertThat(http.as(valid).get("/api/news/drafts").status()).isEqualTo(403);
        assertThat(storedEvents()).as("nothing stored").isEqualTo(before);
    }

    private static void assertInvalidToken(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo("invalid-token");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.raw().headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
    }
}
