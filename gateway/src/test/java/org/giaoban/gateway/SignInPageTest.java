package org.giaoban.gateway;

import java.util.regex.Pattern;

import org.giaoban.testsupport.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page: Vietnamese, labelled fields, a CSRF token, a Content-Security-Policy that runs scripts and styles
 * from the gateway only (and nothing inline to run), its one stylesheet served under it, and no form accepted without
 * the CSRF token.
 */
class SignInPageTest extends GatewayTestBase {

    @Test
    void thePageIsVietnameseLabelledAndRunsNothingInline() {
        Http.Response page = new Browser(port).get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html").contains("UTF-8");
        String csp = page.raw().headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "frame-ancestors 'none'", "form-action 'self' http://localhost:8080 http://127.0.0.1:8080")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.raw().headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.raw().headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.raw().headers().firstValue("Permissions-Policy")).hasValueSatisfying(value -> assertThat(value).contains("camera=()"));

        String html = page.body();
        assertThat(html).contains("<html lang=\"vi\"", "name=\"viewport\"", "<title>Đăng nhập – Giao Ban</title>",
                "<label for=\"username\">Tên đăng nhập</label>", "<label for=\"password\">Mật khẩu</label>",
                "id=\"username\" name=\"username\"", "autocomplete=\"username\"", "autocomplete=\"current-password\"",
                "<button type=\"submit\">Đăng nhập</button>", "name=\"_csrf\"", "href=\"/login/assets/dang-nhap.css\"");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase(" style=").doesNotContainIgnoringCase("javascript:");
        assertThat(Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE).matcher(html).find()).as("no event handler attributes").isFalse();
        // No error before any attempt.
        assertThat(html).doesNotContain("role=\"alert\"", "không đúng");

        Http.Response stylesheet = http.get("/login/assets/dang-nhap.css");
        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.contentType()).startsWith("text/css");
    }

    @Test
    void aWrongPasswordIsSaidInVietnameseBesideTheFields() {
        Browser browser = new Browser(port);
        String target = Browser.location(browser.signIn("vanphong", "khong-phai-mat-khau"));
        Http.Response page = browser.get(target);
        assertThat(page.body()).contains("role=\"alert\"", "Tên đăng nhập hoặc mật khẩu không đúng.",
                "aria-describedby=\"sign-in-error\"", "aria-invalid=\"true\"", "value=\"vanphong\"");
        // Shown once: the page again is clean.
        assertThat(browser.get("/login").body()).doesNotContain("không đúng");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        Browser browser = new Browser(port);
        browser.get("/login");
        Http.Response forged = browser.postForm("/login", java.util.Map.of("username", "vanphong", "password", "giaoban-dev-2023"));
        assertThat(forged.status()).isEqualTo(403);
        // Not signed in.
        assertThat(Browser.location(browser.get(Browser.Authorization.fresh().path(true)))).endsWith("/login");
    }
}
