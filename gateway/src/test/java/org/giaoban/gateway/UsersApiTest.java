package org.giaoban.gateway;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.SecurityLogLines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users API: people are created (idempotently), listed in Vietnamese order, read without any hash, disabled,
 * enabled and given a new password by an operator; refusals are problem+json with stable codes; a username is never a
 * client id; disabling and a new password end the person's tokens and refresh tokens at once.
 */
class UsersApiTest extends GatewayTestBase {

    private static final String COORDINATOR = """
            {"username": "%s", "displayName": "Điều phối Tây Bắc", "password": "dieu-phoi-tay-bac-7", "role": "COORDINATOR",
             "clusters": ["tay-bac"]}""";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void creationIsIdempotentAndAnotherBodyOrAClientIdIsAConflict() {
        String operator = operatorToken();
        Http.Response created;
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            created = Tokens.withToken(http, operator, "POST", "/api/users", COORDINATOR.formatted("dieu-phoi-1"));
            assertThat(log.of("user-created")).singleElement().asString().contains("actor=operator", "username=dieu-phoi-1",
                    "role=COORDINATOR", "clusters=tay-bac").doesNotContain("dieu-phoi-tay-bac-7");
        }
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/users/dieu-phoi-1");
        JsonNode person = created.json();
        List<String> fields = new ArrayList<>();
        person.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("username", "displayName", "role", "clusters", "urbanAreaId", "enabled",
                "locked", "lockedUntil", "createdAt", "createdBy", "passwordChangedAt");
        assertThat(person.path("displayName").asText()).isEqualTo("Điều phối Tây Bắc");
        assertThat(person.path("clusters").toString()).isEqualTo("[\"tay-bac\"]");
        assertThat(person.path("enabled").asBoolean()).isTrue();
        assertThat(person.path("locked").asBoolean()).isFalse();
        assertThat(person.path("createdBy").asText()).isEqualTo("operator");
        assertThat(created.body()).doesNotContain("bcrypt", "dieu-phoi-tay-bac-7");

        Http.Response again = Tokens.withToken(http, operator, "POST", "/api/users", COORDINATOR.formatted("dieu-phoi-1"));
        assertThat(again.status()).isEqualTo(200);
        Http.Response other = Tokens.withToken(http, operator, "POST", "/api/users",
                COORDINATOR.formatted("dieu-phoi-1").replace("dieu-phoi-tay-bac-7", "mat-khau-khac-99"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("user-exists");

        // A username is never a client id, and the other way round.
        Http.Response client = Tokens.withToken(http, operator, "POST", "/api/users", COORDINATOR.formatted("editor"));
        assertThat(client.status()).isEqualTo(409);
        assertThat(client.code()).isEqualTo("user-exists");
        Http.Response console = Tokens.withToken(http, operator, "POST", "/api/users", COORDINATOR.formatted("console"));
        assertThat(console.code()).isEqualTo("user-exists");
        Http.Response account = Tokens.withToken(http, operator, "POST", "/api/accounts",
                "{\"clientId\": \"dieu-phoi-1\", \"secret\": \"mot-bi-mat-dai-1\", \"role\": \"ANALYST\"}");
        assertThat(account.status()).isEqualTo(409);
        assertThat(account.code()).isEqualTo("account-exists");
    }

    @Test
    void whatIsRefusedAndWhy() {
        String operator = operatorToken();
        assertRefused(operator, COORDINATOR.formatted("ngan").replace("dieu-phoi-tay-bac-7", "ngan-qua"), 400, "password-too-short", "password");
        assertRefused(operator, COORDINATOR.formatted("dai").replace("dieu-phoi-tay-bac-7", "x".repeat(40) + "y".repeat(40)), 400,
                "password-too-long", "password");
        assertRefused(operator, COORDINATOR.formatted("yeu").replace("dieu-phoi-tay-bac-7", "password1234"), 400, "weak-password", "password");
        assertRefused(operator, COORDINATOR.formatted("ten-dang-nhap-x").replace("dieu-phoi-tay-bac-7", "ten-dang-nhap-x1"), 400,
                "weak-password", "password");
        assertRefused(operator, COORDINATOR.formatted("ten-dai").replace("Điều phối Tây Bắc", "Ạ".repeat(101)), 400,
                "invalid-display-name", "displayName");
        assertRefused(operator, COORDINATOR.formatted("ten-rong").replace("Điều phối Tây Bắc", "   "), 400,
                "invalid-display-name", "displayName");
        assertRefused(operator, COORDINATOR.formatted("ten-dieu-khien").replace("Điều phối Tây Bắc", "Tên\\u0007"), 400,
                "invalid-display-name", "displayName");
        assertRefused(operator, COORDINATOR.formatted("khong-cum").replace("[\"tay-bac\"]", "[]"), 400, "coordinator-needs-clusters", null);
        assertRefused(operator, """
                {"username": "dai-bieu", "displayName": "Đại biểu", "password": "dai-bieu-sa-pa-1", "role": "DELEGATE"}""",
                400, "delegate-needs-urban-area", null);
        assertRefused(operator, COORDINATOR.formatted(".."), 400, "invalid-input", "username");
        assertThat(Tokens.withToken(http, operator, "GET", "/api/users/khong-co-ai", null).code()).isEqualTo("unknown-user");
        assertThat(Tokens.withToken(http, operator, "POST", "/api/users/khong-co-ai/disable", null).status()).isEqualTo(404);

        // Only operators: an editor's token is 403, none is 401.
        String editor = tokens.of("editor", "editor-dev-secret");
        assertThat(Tokens.withToken(http, editor, "GET", "/api/users", null).status()).isEqualTo(403);
        assertThat(http.get("/api/users").status()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM person WHERE username IN ('ngan', 'dai', 'yeu', 'ten-dai')",
                Integer.class)).isZero();
    }

    @Test
    void displayNamesAreStoredInNfcAndListedInVietnameseOrder() {
        String operator = operatorToken();
        String decomposed = Normalizer.normalize("Đặng Thị Ánh", Normalizer.Form.NFD);
        for (String[] person : new String[][]{{"thu-tu-3", "Ân Văn Bình"}, {"thu-tu-1", decomposed}, {"thu-tu-2", "Ăn Uống"},
                {"thu-tu-4", "An Nhiên"}}) {
            assertThat(Tokens.withToken(http, operator, "POST", "/api/users", """
                    {"username": "%s", "displayName": "%s", "password": "thu-tu-mat-khau-1", "role": "ANALYST"}"""
                    .formatted(person[0], person[1])).status()).isEqualTo(201);
        }
        assertThat(Tokens.withToken(http, operator, "GET", "/api/users/thu-tu-1", null).json().path("displayName").asText())
                .isEqualTo(Normalizer.normalize("Đặng Thị Ánh", Normalizer.Form.NFC));
        List<String> order = new ArrayList<>();
        Tokens.withToken(http, operator, "GET", "/api/users", null).json().forEach(person -> {
            if (person.path("username").asText().startsWith("thu-tu-")) {
                order.add(person.path("username").asText());
            }
        });
        // a < ă < â < ... < đ: An, Ăn, Ân, Đặng.
        assertThat(order).containsExactly("thu-tu-4", "thu-tu-2", "thu-tu-3", "thu-tu-1");
    }

    @Test
    void disablingAndANewPasswordEndTheTokensAndTheRefreshTokens() {
        String operator = operatorToken();
        assertThat(Tokens.withToken(http, operator, "POST", "/api/users", """
                {"username": "van-thu", "displayName": "Văn thư", "password": "van-thu-mat-khau-1", "role": "OPERATOR"}""")
                .status()).isEqualTo(201);
        Browser browser = new Browser(port);
        Browser.Authorization authorization = Browser.Authorization.fresh();
        Http.Response tokens = browser.exchange(browser.code(authorization, "van-thu", "van-thu-mat-khau-1"), authorization.verifier());
        String access = tokens.json().path("access_token").asText();
        assertThat(http.as(access).get("/api/accounts").status()).isEqualTo(200);

        Http.Response reset;
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            reset = Tokens.withToken(http, operator, "POST", "/api/users/van-thu/password", "{\"password\": \"mat-khau-moi-2024\"}");
            assertThat(log.of("user-password-reset")).singleElement().asString().contains("actor=operator", "username=van-thu")
                    .doesNotContain("mat-khau-moi-2024");
        }
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body()).doesNotContain("mat-khau-moi-2024");
        assertThat(http.as(access).get("/api/accounts").status()).isEqualTo(401);
        assertThat(browser.refresh(tokens.json().path("refresh_token").asText()).status()).isEqualTo(400);
        // The sign-in session ended too: the next authorization asks for the new password.
        assertThat(Browser.location(browser.get(Browser.Authorization.fresh().path(true)))).endsWith("/login");
        assertThat(Browser.location(browser.signIn("van-thu", "van-thu-mat-khau-1"))).endsWith("/login?error");
        assertRefused(operator, null, 400, "weak-password", "password", "/api/users/van-thu/password", "{\"password\": \"aaaaaaaaaaaaaaa\"}");

        Browser.Authorization second = Browser.Authorization.fresh();
        Http.Response again = browser.exchange(browser.code(second, "van-thu", "mat-khau-moi-2024"), second.verifier());
        String access2 = again.json().path("access_token").asText();
        assertThat(http.as(access2).get("/api/accounts").status()).as("a token issued right after the reset").isEqualTo(200);

        try (SecurityLogLines log = SecurityLogLines.capture()) {
            Http.Response disabled = Tokens.withToken(http, operator, "POST", "/api/users/van-thu/disable", null);
            assertThat(disabled.status()).isEqualTo(200);
            assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
            assertThat(log.of("user-disabled")).singleElement().asString().contains("actor=operator", "username=van-thu");
        }
        assertThat(http.as(access2).get("/api/accounts").status()).isEqualTo(401);
        assertThat(browser.refresh(again.json().path("refresh_token").asText()).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM oauth2_authorization WHERE principal_name = 'van-thu'", Integer.class))
                .isZero();

        Http.Response enabled = Tokens.withToken(http, operator, "POST", "/api/users/van-thu/enable", null);
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        Browser.Authorization third = Browser.Authorization.fresh();
        assertThat(new Browser(port).code(third, "van-thu", "mat-khau-moi-2024")).isNotBlank();
    }

    private void assertRefused(String token, String body, int status, String code, String field) {
        assertRefused(token, body, status, code, field, "/api/users", body);
    }

    private void assertRefused(String token, String ignored, int status, String code, String field, String path, String body) {
        Http.Response refused = Tokens.withToken(http, token, "POST", path, body);
        assertThat(refused.status()).as(body + ": " + refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo(code);
        if (field != null) {
            assertThat(refused.json().path("errors").toString()).contains("\"field\":\"" + field + "\"");
        }
        assertThat(refused.body()).doesNotContain("mat-khau", "password1234");
    }
}
