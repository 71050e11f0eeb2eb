package org.giaoban.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deleting an account or giving it a new secret ends the power of the tokens it was issued: the gateway refuses them
 * at once (401, nothing relayed) and publishes the revocation for the services at /oauth2/revocations, naming the
 * client by the SHA-256 of its id only. Tokens issued afterwards work, even within the same second.
 */
class RevocationTest extends EdgeTestBase {

    private static final String COORDINATOR = """
            {"clientId": "%s", "secret": "revocation-secret-1", "role": "COORDINATOR", "clusters": ["tay-bac"]}""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewSecretRevokesTheTokensIssuedBeforeAndNotThoseAfter() {
        String operator = operatorToken();
        assertThat(Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("revoked-rotated")).status())
                .isEqualTo(201);
        String before = tokens.of("revoked-rotated", "revocation-secret-1");
        assertThat(http.as(before).get("/api/membership/clusters").status()).isEqualTo(201);

        Http.Response rotated = Tokens.withToken(http, operator, "POST", "/api/accounts/revoked-rotated/secret", null);
        assertThat(rotated.status()).isEqualTo(200);
        String after = tokens.of("revoked-rotated", rotated.json().path("secret").asText());

        Http.Response refused = http.as(before).get("/api/membership/clusters");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("invalid-token");
        assertThat(refused.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(header ->
                assertThat(header).contains("invalid_token").contains("revoked"));
        // Issued right after the rotation, perhaps in the same second: it works.
        assertThat(http.as(after).get("/api/membership/clusters").status()).isEqualTo(201);
        assertThat(MEMBERSHIP.received).extracting(StubService.Received::authorization)
                .containsExactly("Bearer " + before, "Bearer " + after);

        JWTClaimsSet claims = tokens.verified(after);
        assertThat(claims.getIssueTime()).isNotNull();
        Instant revokedBefore = jdbc.queryForObject("SELECT revoked_before FROM revoked_subject WHERE subject = ?",
                Timestamp.class, "revoked-rotated").toInstant();
        assertThat(claims.getIssueTime().toInstant()).isAfterOrEqualTo(revokedBefore);
        assertThat(tokens.verified(before).getIssueTime().toInstant()).isBefore(revokedBefore);
    }

    @Test
    void aDeletedAccountsTokensAreRefusedAndTheRevocationIsPublishedBySha256() {
        String operator = operatorToken();
        assertThat(Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("revoked-deleted")).status())
                .isEqualTo(201);
        String token = tokens.of("revoked-deleted", "revocation-secret-1");
        assertThat(http.as(token).get("/api/competition/rounds").status()).isEqualTo(201);

        assertThat(Tokens.withToken(http, operator, "DELETE", "/api/accounts/revoked-deleted", null).status()).isEqualTo(204);

        assertThat(http.as(token).get("/api/competition/rounds").status()).isEqualTo(401);
        assertThat(COMPETITION.received).hasSize(1);

        Http.Response published = http.get("/oauth2/revocations");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(published.body()).doesNotContain("revoked-deleted");
        Map<String, Long> revoked = new java.util.HashMap<>();
        published.json().path("revoked").forEach(entry ->
                revoked.put(entry.path("subjectSha256").asText(), entry.path("issuedBefore").asLong()));
        assertThat(revoked).containsKey(sha256("revoked-deleted"));
        assertThat(Instant.ofEpochSecond(revoked.get(sha256("revoked-deleted"))))
                .isAfter(tokens.verified(token).getIssueTime().toInstant());
    }

    @Test
    void aRevocationIsKeptAsLongAsTheTokensItVoidsAndNoLonger() {
        String operator = operatorToken();
        Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("revoked-kept"));
        Tokens.withToken(http, operator, "DELETE", "/api/accounts/revoked-kept", null);
        Map<String, Object> row = jdbc.queryForMap("SELECT revoked_before, expires_at FROM revoked_subject WHERE subject = ?", "revoked-kept");
        Duration kept = Duration.between(((Timestamp) row.get("revoked_before")).toInstant(), ((Timestamp) row.get("expires_at")).toInstant());
        // The token lifetime (1 h) plus the clock skew the checks allow, and a little.
        assertThat(kept).isBetween(Duration.ofMinutes(60).plusSeconds(30), Duration.ofMinutes(62));

        // An entry whose tokens have all expired is dropped at the next revocation, and not published meanwhile.
        jdbc.update("INSERT INTO revoked_subject VALUES ('long-gone', now() - interval '3 hours', now() - interval '1 hour')");
        assertThat(http.get("/oauth2/revocations").body()).doesNotContain(sha256("long-gone"));
        Tokens.withToken(http, operator, "POST", "/api/accounts", COORDINATOR.formatted("revoked-kept-2"));
        Tokens.withToken(http, operator, "DELETE", "/api/accounts/revoked-kept-2", null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM revoked_subject WHERE subject = 'long-gone'", Integer.class)).isZero();
    }

    private static String sha256(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
