package org.giaoban.membership.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.giaoban.membership.MembershipServiceTestBase;
import org.giaoban.testsupport.SecurityLogLines;
import org.giaoban.testsupport.security.ForgedTokens;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;

/** The service's own security log: a line for each 401 and 403 it answers, with origin and correlation id, no token. */
class SecurityLogTest extends MembershipServiceTestBase {

    private static final String CLUSTER = "{\"id\":\"security-log\",\"name\":\"Cụm nhật ký\"}";

    @Test
    void refusalsAreLogged() {
        String editor = TestTokens.editor();
        String forged = ForgedTokens.ofTestIssuer().all().get("wrong issuer");
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            send(null, "mem-401");
            send(forged, "mem-401-forged");
            send(editor, "mem-403");

            assertThat(log.of("authentication-failed")).anySatisfy(line -> assertThat(line).contains("status=401",
                    "reason=unauthenticated", "method=POST", "path=/api/membership/clusters", "address=127.0.0.1",
                    "correlationId=mem-401"));
            assertThat(log.of("authentication-failed")).anySatisfy(line -> assertThat(line).contains("status=401",
                    "reason=invalid-token", "correlationId=mem-401-forged"));
            assertThat(log.of("access-denied")).singleElement().asString().contains("status=403", "actor=editor",
                    "path=/api/membership/clusters", "correlationId=mem-403");
            assertThat(log.lines()).noneMatch(line -> line.contains(editor) || line.contains(forged));
        }
    }

    private void send(String token, String correlationId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/api/membership/clusters"))
                .header("Content-Type", "application/json").header("X-Correlation-Id", correlationId)
                .POST(HttpRequest.BodyPublishers.ofString(CLUSTER));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        http.anonymous().send(request);
    }
}
