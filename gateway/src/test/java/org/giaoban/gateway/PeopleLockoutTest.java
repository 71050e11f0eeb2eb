package org.giaoban.gateway;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.SecurityLogLines;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five wrong passwords in a row lock a username for fifteen minutes, with a Vietnamese message: the right password is
 * refused meanwhile, and works once the lock is over (the gateway's clock is moved forward, nobody waits). An unknown
 * username is refused and locked exactly alike; a disabled person is told so only with the right password.
 */
@Import(SettableClock.Configuration.class)
class PeopleLockoutTest extends GatewayTestBase {

    static final String WRONG = "Tên đăng nhập hoặc mật khẩu không đúng.";
    static final String LOCKED = "Tài khoản tạm thời bị khóa vì đăng nhập sai quá 5 lần. Vui lòng thử lại sau 15 phút.";
    static final String DISABLED = "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ Văn phòng Hiệp hội.";

    @Autowired
    SettableClock clock;

    @Test
    void fiveWrongPasswordsLockForFifteenMinutes() {
        createEditor("khoa-tam-thoi");
        Browser browser = new Browser(port);
        try (SecurityLogLines log = SecurityLogLines.capture()) {
            for (int i = 1; i <= 4; i++) {
                assertThat(message(browser, "khoa-tam-thoi", "sai-mat-khau-" + i)).as("attempt " + i).contains(WRONG);
            }
            Http.Response fifth = page(browser, "khoa-tam-thoi", "sai-mat-khau-5");
            assertThat(fifth.body()).contains(LOCKED).doesNotContain(WRONG);
            String unlockAt = DateTimeFormatter.ofPattern("HH:mm")
                    .format(clock.instant().plus(Duration.ofMinutes(15)).atZone(ZoneId.of("Asia/Ho_Chi_Minh")));
            assertThat(fifth.body()).contains("Có thể đăng nhập lại từ " + unlockAt);

            assertThat(log.of("sign-in-failed")).hasSize(5).allSatisfy(line -> assertThat(line)
                    .contains("username=khoa-tam-thoi", "path=/login").doesNotContain("sai-mat-khau"));
            assertThat(log.of("sign-in-failed").get(4)).contains("reason=locked");
            assertThat(log.of("sign-in-locked")).singleElement().asString().contains("username=khoa-tam-thoi");
        }

        // Locked: the right password is refused too, even a minute before the end.
        assertThat(message(browser, "khoa-tam-thoi", "mat-khau-bien-tap-9")).contains(LOCKED);
        clock.advance(Duration.ofMinutes(14));
        assertThat(message(browser, "khoa-tam-thoi", "mat-khau-bien-tap-9")).contains(LOCKED);
        Http.Response byApi = http.as(operatorToken()).get("/api/users/khoa-tam-thoi");
        assertThat(byApi.json().path("locked").asBoolean()).isTrue();
        assertThat(byApi.json().path("lockedUntil").asText()).isNotBlank();

        // Over: the right password signs in and the count starts again.
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(Browser.location(browser.signIn("khoa-tam-thoi", "mat-khau-bien-tap-9"))).endsWith("/console/");
        assertThat(http.as(operatorToken()).get("/api/users/khoa-tam-thoi").json().path("locked").asBoolean()).isFalse();
        Browser fresh = new Browser(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(message(fresh, "khoa-tam-thoi", "sai-lan-nua-" + i)).contains(WRONG);
        }
        assertThat(Browser.location(fresh.signIn("khoa-tam-thoi", "mat-khau-bien-tap-9"))).endsWith("/console/");
    }

    @Test
    void anUnknownUsernameIsRefusedAndLockedAlike() {
        Browser browser = new Browser(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(message(browser, "khong-ai-ca", "sai-mat-khau-" + i)).contains(WRONG);
        }
        assertThat(message(browser, "khong-ai-ca", "sai-mat-khau-5")).contains(LOCKED);
        assertThat(message(browser, "khong-ai-ca", "sai-mat-khau-6")).contains(LOCKED);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(message(browser, "khong-ai-ca", "sai-mat-khau-7")).contains(WRONG);
    }

    @Test
    void aLockedOperatorEnabledAgainSignsInAtOnce() {
        createEditor("mo-khoa-som");
        Browser browser = new Browser(port);
        for (int i = 1; i <= 5; i++) {
            message(browser, "mo-khoa-som", "sai-mat-khau-" + i);
        }
        assertThat(message(browser, "mo-khoa-som", "mat-khau-bien-tap-9")).contains(LOCKED);
        assertThat(Tokens.withToken(http, operatorToken(), "POST", "/api/users/mo-khoa-som/enable", null).status()).isEqualTo(200);
        assertThat(Browser.location(browser.signIn("mo-khoa-som", "mat-khau-bien-tap-9"))).endsWith("/console/");
    }

    @Test
    void aDisabledPersonIsToldSoOnlyWithTheRightPassword() {
        createEditor("da-nghi-viec");
        assertThat(Tokens.withToken(http, operatorToken(), "POST", "/api/users/da-nghi-viec/disable", null).status()).isEqualTo(200);
        Browser browser = new Browser(port);
        assertThat(message(browser, "da-nghi-viec", "mat-khau-bien-tap-9")).contains(DISABLED);
        assertThat(message(browser, "da-nghi-viec", "sai-mat-khau-1")).contains(WRONG).doesNotContain(DISABLED);
        // Nor can a disabled person complete an authorization request.
        Browser.Authorization authorization = Browser.Authorization.fresh();
        assertThat(Browser.location(browser.get(authorization.path(true)))).endsWith("/login");
    }

    private void createEditor(String username) {
        Http.Response created = Tokens.withToken(http, operatorToken(), "POST", "/api/users", """
                {"username": "%s", "displayName": "Nguyễn Thị Biên Tập", "password": "mat-khau-bien-tap-9", "role": "EDITOR"}"""
                .formatted(username));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** Signs in and answers the page the refusal leads to. */
    private static Http.Response page(Browser browser, String username, String password) {
        String target = Browser.location(browser.signIn(username, password));
        assertThat(target).endsWith("/login?error");
        return browser.get(target);
    }

    private static String message(Browser browser, String username, String password) {
        return page(browser, username, password).body();
    }
}
