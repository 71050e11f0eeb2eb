package org.giaoban.gateway;

import java.net.http.HttpRequest;
import java.util.List;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.SecurityLogLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's security log: one key=value line on {@code giaoban.security} per refused token, refused role, failed
 * client authentication and account change, saying who, what, from where and under which correlation id — and never
 * a secret or a token.
 */
class SecurityLogTest extends GatewayTestBase {

    @Test
    void refusalsAreLoggedWithOriginAndCorrelationId() {
        String editor = tokens.of("editor", "editor-dev-secret");
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            http.send(HttpRequest.newBuilder(http.uri("/api/accounts")).header("X-Correlation-Id", "sec-log-401").GET());
            http.send(HttpRequest.newBuilder(http.uri("/api/accounts")).header("X-Correlation-Id", "sec-log-bad")
                    .header("Authorization", "Bearer not.a.token").GET());
            http.send(HttpRequest.newBuilder(http.uri("/api/accounts")).header("X-Correlation-Id", "sec-log-403")
                    .header("Authorization", "Bearer " + editor).GET());
            tokens.request("editor", "not-the-secret-1");

            List<String> unauthenticated = log.of("authentication-failed");
            assertThat(unauthenticated).anySatisfy(line -> assertThat(line).contains("status=401", "reason=unauthenticated",
                    "method=GET", "path=/api/accounts", "address=127.0.0.1", "correlationId=sec-log-401"));
            assertThat(unauthenticated).anySatisfy(line -> assertThat(line).contains("status=401", "reason=invalid-token",
                    "correlationId=sec-log-bad"));
            assertThat(unauthenticated).anySatisfy(line -> assertThat(line).contains("status=401", "clientId=editor",
                    "path=/oauth2/token", "reason=invalid_client"));
            assertThat(log.of("access-denied")).singleElement().asString().contains("status=403", "actor=editor",
                    "path=/api/accounts", "address=127.0.0.1", "correlationId=sec-log-403");
            assertThat(log.lines()).noneMatch(line -> line.contains(editor) || line.contains("not.a.token")
                    || line.contains("not-the-secret-1") || line.contains("editor-dev-secret"));
        }
    }

    @Test
    void accountChangesAreLoggedWithTheOperatorAndNeverTheSecret() {
        String operator = operatorToken();
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            send(operator, "POST", "/api/accounts", "sec-log-create",
                    "{\"clientId\": \"logged-delegate\", \"secret\": \"logged-secret-12\", \"role\": \"DELEGATE\", \"urbanAreaId\": \"sa-pa\"}");
            send(operator, "POST", "/api/accounts/logged-delegate/secret", "sec-log-rotate", "{\"secret\": \"logged-secret-34\"}");
            Http.Response generated = send(operator, "POST", "/api/accounts/logged-delegate/secret", "sec-log-rotate-2", null);
            send(operator, "DELETE", "/api/accounts/logged-delegate", "sec-log-delete", null);

            assertThat(log.of("account-created")).singleElement().asString().contains("actor=operator", "clientId=logged-delegate",
                    "role=DELEGATE", "urbanAreaId=sa-pa", "address=127.0.0.1", "correlationId=sec-log-create");
            assertThat(log.of("account-secret-rotated")).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("actor=operator", "clientId=logged-delegate", "address=127.0.0.1"));
            assertThat(log.of("account-deleted")).singleElement().asString().contains("actor=operator",
                    "clientId=logged-delegate", "role=DELEGATE", "correlationId=sec-log-delete");
            String generatedSecret = generated.json().path("secret").asText();
            assertThat(generatedSecret).isNotBlank();
            assertThat(log.lines()).noneMatch(line -> line.contains("logged-secret") || line.contains(generatedSecret)
                    || line.contains(operator));
        }
    }

    @Test
    void whatACallerSendsCannotForgeAField() {
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            Http.Response refused = tokens.request("evil event=account-deleted actor=\"operator\"", "not-the-secret-1");
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(log.of("authentication-failed")).singleElement().asString()
                    .contains("clientId=\"evil event=account-deleted actor=\\\"operator\\\"\" ");
            assertThat(log.of("account-deleted")).isEmpty();
            // (Line breaks and other control characters are escaped too: SecurityLogLineTest in platform-web.)
        }
    }

    private Http.Response send(String token, String method, String path, String correlationId, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", correlationId);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request);
    }
}
