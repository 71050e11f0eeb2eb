package org.giaoban.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/** The revocation check, with a list source and a clock of the test's own. */
class RevocationListTest {

    private static final Instant T0 = Instant.parse("2025-06-01T08:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private final Map<String, Instant> published = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean reachable = true;
    private final RevocationList list = new RevocationList("test", () -> {
        reads.incrementAndGet();
        if (!reachable) {
            throw new IOException("connection refused");
        }
        return Map.copyOf(published);
    }, Duration.ofSeconds(15), Duration.ofSeconds(45), Duration.ofSeconds(2), clock);

    private static Jwt token(String subject, Instant issuedAt) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").claim("roles", "OPERATOR");
        if (subject != null) {
            jwt.subject(subject);
        }
        if (issuedAt != null) {
            jwt.issuedAt(issuedAt);
        }
        return jwt.build();
    }

    private boolean accepted(Jwt jwt) {
        OAuth2TokenValidatorResult result = list.validate(jwt);
        return !result.hasErrors();
    }

    @Test
    void aRevokedSubjectsTokensIssuedBeforeTheInstantAreRefusedAndLaterOnesAccepted() {
        published.put(RevocationList.sha256("sa-pa-delegate"), T0.plusSeconds(2));
        assertThat(list.refresh()).isTrue();

        assertThat(accepted(token("sa-pa-delegate", T0.minusSeconds(600)))).isFalse();
        assertThat(accepted(token("sa-pa-delegate", T0.plusSeconds(1)))).isFalse();
        assertThat(accepted(token("sa-pa-delegate", T0.plusSeconds(2)))).isTrue();
        assertThat(accepted(token("lai-chau-delegate", T0.minusSeconds(600)))).isTrue();
        assertThat(list.validate(token("sa-pa-delegate", T0)).getErrors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorCode()).isEqualTo("invalid_token");
                    assertThat(error.getDescription()).contains("revoked");
                });
    }

    @Test
    void aTokenWithoutSubjectOrIssueTimeCannotBeCheckedAndIsRefused() {
        list.refresh();
        assertThat(accepted(token(null, T0))).isFalse();
        assertThat(accepted(token("someone", null))).isFalse();
    }

    @Test
    void anOldListIsUsedForItsMaximumAgeThenTokensAreRefusedUntilItIsReadAgain() {
        assertThat(list.refresh()).isTrue();
        reachable = false;
        clock.advance(Duration.ofSeconds(44));
        assertThat(list.refresh()).isFalse();
        assertThat(accepted(token("someone", T0))).as("the list read 44 s ago").isTrue();

        clock.advance(Duration.ofSeconds(2));
        assertThat(accepted(token("someone", T0))).as("46 s: too old, and unreadable").isFalse();
        assertThat(list.validate(token("someone", T0)).getErrors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.getErrorCode()).isEqualTo(RevocationList.UNAVAILABLE_CODE);
                    assertThat(error.getDescription()).contains("cannot be checked");
                });

        reachable = true;
        clock.advance(Duration.ofSeconds(2));
        int before = reads.get();
        assertThat(accepted(token("someone", T0))).as("the check reads the list itself").isTrue();
        assertThat(reads.get()).isEqualTo(before + 1);
    }

    @Test
    void whileTheListCannotBeReadTheChecksTryAtMostOnceEveryRetryInterval() {
        reachable = false;
        assertThat(accepted(token("someone", T0))).as("never read").isFalse();
        int afterFirst = reads.get();
        for (int i = 0; i < 100; i++) {
            accepted(token("someone", T0));
        }
        assertThat(reads.get()).isEqualTo(afterFirst);
        clock.advance(Duration.ofSeconds(2));
        accepted(token("someone", T0));
        assertThat(reads.get()).isEqualTo(afterFirst + 1);
    }

    @Test
    void thePublishedFormNamesSubjectsBySha256Only() {
        RevocationList.Published published = RevocationList.Published.of(Map.of("sa-pa-delegate", T0));
        assertThat(published.revoked()).singleElement().satisfies(entry -> {
            assertThat(entry.subjectSha256()).isEqualTo(RevocationList.sha256("sa-pa-delegate")).hasSize(64).doesNotContain("sa-pa");
            assertThat(entry.issuedBefore()).isEqualTo(T0.getEpochSecond());
        });
        assertThat(RevocationList.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
