package org.giaoban.gateway;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.SecurityLogLines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person signs in to the console through the gateway: the authorization code flow with PKCE (S256) and OpenID
 * Connect, as the console's {@code oauth2Login} runs it — the authorization request sends an unsigned-in browser to the
 * Vietnamese sign-in page, the form (with its CSRF token) signs in and goes back to the request, the code comes back to
 * the console's redirect URI, and the console exchanges it with its secret and the verifier. The person's access token
 * is a machine token's twin (issuer, audience, roles; plus the display name), refreshes rotate, and signing out ends
 * the session and the refresh token.
 */
class PeopleSignInTest extends GatewayTestBase {

    @Test
    void theCodeFlowSignsAPersonInAndTheirTokensAreLikeAMachineClients() throws Exception {
        Browser browser = new Browser(port);
        Browser.Authorization authorization = Browser.Authorization.fresh();

        Http.Response unsigned = browser.get(authorization.path(true));
        assertThat(Browser.location(unsigned)).isEqualTo("http://localhost:" + port + "/login");

        Http.Response page = browser.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Tên đăng nhập", "Mật khẩu", "Đăng nhập", "name=\"_csrf\"");
        Http.Response signedIn;
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            signedIn = browser.postForm("/login", Map.of("username", "vanphong", "password", "giaoban-dev-2023",
                    "_csrf", Browser.csrf(page.body())));
            assertThat(log.of("sign-in")).singleElement().asString().contains("username=vanphong", "role=OPERATOR",
                    "path=/login", "address=127.0.0.1").doesNotContain("giaoban-dev-2023");
        }
        // Back to the very authorization request, then to the console with a code.
        String back = Browser.location(signedIn);
        assertThat(back).isEqualTo("http://localhost:" + port + authorization.path(true));
        String toConsole = Browser.location(browser.get(back));
        assertThat(toConsole).startsWith(Browser.REDIRECT_URI + "?");
        Map<String, String> returned = Browser.query(toConsole);
        assertThat(returned).containsEntry("state", authorization.state()).containsKey("code");

        // The session cookie: the gateway's own name, HttpOnly, SameSite=Lax (and no Secure in the local profile).
        List<String> setCookies = signedIn.raw().headers().allValues("Set-Cookie");
        assertThat(setCookies).anySatisfy(cookie -> assertThat(cookie).startsWith("GIAOBAN_GATEWAY=")
                .contains("HttpOnly", "SameSite=Lax").doesNotContain("Secure"));

        Http.Response tokens = browser.exchange(returned.get("code"), authorization.verifier());
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        String accessToken = tokens.json().path("access_token").asText();
        String refreshToken = tokens.json().path("refresh_token").asText();
        String idToken = tokens.json().path("id_token").asText();
        assertThat(refreshToken).isNotBlank();
        assertThat(tokens.json().path("expires_in").asLong()).isBetween(890L, 900L);

        JWTClaimsSet access = this.tokens.verified(accessToken);
        assertThat(access.getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(access.getAudience()).containsExactly("giaoban");
        assertThat(access.getSubject()).isEqualTo("vanphong");
        assertThat(access.getStringListClaim("roles")).containsExactly("OPERATOR");
        assertThat(access.getStringClaim("name")).isEqualTo("Văn phòng Hiệp hội");
        assertThat(access.getIssueTime()).isNotNull();
        assertThat(access.getExpirationTime().getTime() - access.getIssueTime().getTime()).isEqualTo(15 * 60 * 1000L);

        JWTClaimsSet id = this.tokens.verified(idToken);
        assertThat(id.getAudience()).containsExactly("console");
        assertThat(id.getSubject()).isEqualTo("vanphong");
        assertThat(id.getStringClaim("name")).isEqualTo("Văn phòng Hiệp hội");
        assertThat(id.getStringListClaim("roles")).containsExactly("OPERATOR");
        assertThat(id.getStringClaim("nonce")).isEqualTo(authorization.nonce());
        assertThat(id.getStringClaim("sid")).isNotBlank();

        // The gateway checks a person's token as any other: an OPERATOR reads the users.
        assertThat(http.as(accessToken).get("/api/users").status()).isEqualTo(200);
        // Refresh: a new access token and a new refresh token; the used one no longer works.
        Http.Response refreshed = browser.refresh(refreshToken);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String newRefreshToken = refreshed.json().path("refresh_token").asText();
        assertThat(newRefreshToken).isNotBlank().isNotEqualTo(refreshToken);
        JWTClaimsSet renewed = this.tokens.verified(refreshed.json().path("access_token").asText());
        assertThat(renewed.getSubject()).isEqualTo("vanphong");
        assertThat(renewed.getAudience()).containsExactly("giaoban");
        assertThat(renewed.getStringListClaim("roles")).containsExactly("OPERATOR");
        assertThat(browser.refresh(refreshToken).status()).isEqualTo(400);

        // While the session lasts, the next authorization needs no sign-in.
        Browser.Authorization again = Browser.Authorization.fresh();
        assertThat(Browser.location(browser.get(again.path(true)))).startsWith(Browser.REDIRECT_URI + "?");

        // RP-initiated logout: back to the console's page with the state, the session and the refresh token ended.
        Http.Response loggedOut;
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            loggedOut = browser.get("/connect/logout?id_token_hint=" + Browser.encode(idToken)
                    + "&post_logout_redirect_uri=" + Browser.encode(Browser.LOGOUT_REDIRECT_URI) + "&state=bye");
            assertThat(log.of("sign-out")).as(loggedOut.status() + " " + loggedOut.raw().headers().map() + loggedOut.body()).singleElement().asString().contains("username=vanphong");
        }
        assertThat(Browser.location(loggedOut)).isEqualTo(Browser.LOGOUT_REDIRECT_URI + "?state=bye");
        assertThat(Browser.location(browser.get(Browser.Authorization.fresh().path(true))))
                .isEqualTo("http://localhost:" + port + "/login");
        Http.Response afterLogout = browser.refresh(newRefreshToken);
        assertThat(afterLogout.status()).isEqualTo(400);
        assertThat(afterLogout.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void withoutAPostLogoutRedirectTheSignInPageSaysSignedOut() {
        Browser browser = new Browser(port);
        Browser.Authorization authorization = Browser.Authorization.fresh();
        String code = browser.code(authorization, "bientap", "giaoban-dev-2023");
        String idToken = browser.exchange(code, authorization.verifier()).json().path("id_token").asText();

        String target = Browser.location(browser.get("/connect/logout?id_token_hint=" + Browser.encode(idToken)));
        assertThat(target).endsWith("/login?logout");
        Http.Response page = browser.get(target);
        assertThat(page.body()).contains("Bạn đã đăng xuất.");
        // And a session cookie no longer signs anyone in.
        assertThat(browser.cookies().getCookieStore().getCookies()).extracting(HttpCookie::getName).contains("GIAOBAN_GATEWAY");
        assertThat(Browser.location(browser.get(authorization.path(true)))).endsWith("/login");
    }

    @Test
    void pkceIsRequiredAndTheVerifierMustMatch() {
        Browser browser = new Browser(port);
        browser.code(Browser.Authorization.fresh(), "bientap", "giaoban-dev-2023");

        // No code challenge: the console is told invalid_request, no code.
        Browser.Authorization plain = Browser.Authorization.fresh();
        String refused = Browser.location(browser.get(plain.path(false)));
        assertThat(refused).startsWith(Browser.REDIRECT_URI + "?");
        assertThat(Browser.query(refused)).containsEntry("error", "invalid_request").doesNotContainKey("code");

        // A wrong verifier, or none: no token.
        Browser.Authorization authorization = Browser.Authorization.fresh();
        String code = browser.code(authorization, "bientap", "giaoban-dev-2023");
        Http.Response wrong = browser.exchange(code, Browser.Authorization.fresh().verifier());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(wrong.body()).doesNotContain("access_token");

        Browser.Authorization other = Browser.Authorization.fresh();
        Http.Response none = browser.exchange(browser.code(other, "bientap", "giaoban-dev-2023"), null);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).doesNotContain("access_token");

        // A code works once; used again, it also ends what the first use gave.
        Browser.Authorization once = Browser.Authorization.fresh();
        String onceCode = browser.code(once, "bientap", "giaoban-dev-2023");
        Http.Response first = browser.exchange(onceCode, once.verifier());
        assertThat(first.status()).isEqualTo(200);
        assertThat(browser.exchange(onceCode, once.verifier()).status()).isEqualTo(400);
        assertThat(browser.refresh(first.json().path("refresh_token").asText()).status()).isEqualTo(400);
    }

    @Test
    void theConsoleMustAuthenticateAndUseItsRegisteredRedirectUri() {
        Browser browser = new Browser(port);
        Browser.Authorization authorization = Browser.Authorization.fresh();
        browser.code(authorization, "bientap", "giaoban-dev-2023");

        // Another redirect URI: refused on the spot, never redirected there.
        Http.Response foreign = browser.get(authorization.path(true).replace(Browser.encode(Browser.REDIRECT_URI),
                Browser.encode("https://example.org/cb")));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.raw().headers().firstValue("Location")).isEmpty();

        // A machine client cannot use the authorization endpoint, and nobody is sent to the address it names.
        Http.Response machine = browser.get(authorization.path(true).replace("client_id=console", "client_id=operator")
                .replace(Browser.encode(Browser.REDIRECT_URI), Browser.encode("https://example.org/cb")));
        assertThat(machine.status()).isEqualTo(400);
        assertThat(machine.code()).isEqualTo("unauthorized-client");
        assertThat(machine.raw().headers().firstValue("Location")).isEmpty();
    }
}
