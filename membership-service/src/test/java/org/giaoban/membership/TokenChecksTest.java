package org.giaoban.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.ForgedTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The negative token suite at the membership service, called directly (not through the gateway): every forged or
 * broken token, each claiming OPERATOR, is refused with 401 and stores nothing; the same claims properly signed pass.
 */
class TokenChecksTest extends MembershipServiceTestBase {

    private static final ForgedTokens FORGED = ForgedTokens.ofTestIssuer();

    static Stream<Arguments> forged() {
        return FORGED.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forged")
    void isRefusedOnACommandAndOnARead(String name, String token) {
        long before = storedEvents();
        Http forger = http.as(token);

        Http.Response command = forger.post("/api/membership/clusters", "{\"id\":\"gia-mao\",\"name\":\"Cụm giả mạo\"}");
        Http.Response read = forger.get("/api/membership/clusters");

        for (Http.Response response : new Http.Response[] {command, read}) {
            assertThat(response.status()).as(name + ": " + response.body()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.code()).isEqualTo("invalid-token");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theSameClaimsProperlySignedAreAccepted() {
        String id = "token-check-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Http.Response response = http.as(FORGED.valid()).post("/api/membership/clusters", "{\"id\":\"" + id + "\",\"name\":\"Cụm " + id + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(http.as(FORGED.valid()).get("/api/membership/clusters").status()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheAnswerSaysHowToGetOne() {
        Http.Response response = http.anonymous().get("/api/membership/clusters");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthenticated");
        assertThat(response.json().path("detail").asText()).contains("/oauth2/token");
        assertThat(Map.of("health", http.anonymous().get("/actuator/health").status())).containsEntry("health", 200);
    }
}
