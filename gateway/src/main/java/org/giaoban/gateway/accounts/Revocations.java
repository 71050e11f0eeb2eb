package org.giaoban.gateway.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.giaoban.gateway.security.TokenProperties;
import org.giaoban.platform.security.RevocationList;
import org.giaoban.platform.security.TokenChecks;

/**
 * The gateway's side of revocation ({@link RevocationList} explains the whole): when an account is deleted or given a
 * new secret, or a person is disabled, given a new password or deleted, their tokens issued until then are void. Recorded in {@code revoked_subject} in the transaction of the
 * change, checked here by the gateway's own {@link #list()} (read again at once after the change commits, and every
 * 15 s for the changes other gateway instances make) and published, as this list holds it, for the services at
 * {@code /oauth2/revocations}: a change made here reaches them within their 15 s, one made at another instance within
 * 30 s.
 *
 * <p>The gateway's list comes from its own database, where every revocation is written: while the database cannot be
 * read, no revocation can be made either (an account change fails with it), so the last list read stays right. It is
 * used for up to {@link #MAX_AGE}, not the services' 45 s — a database outage must not turn into refusing every token —
 * and the services go on reading it from the gateway meanwhile. The gap: a revocation made by another gateway instance
 * just before this one lost its database.
 *
 * <p><b>Whole seconds.</b> {@code iat} counts whole seconds, so "issued before the change" cannot tell a token issued
 * in the change's second before it from one issued after. The instant recorded is therefore the change's second plus
 * {@link #MARGIN} (every earlier token is void), and a token issued to the client afterwards carries an {@code iat} (and
 * {@code nbf}) of at least that instant (see {@code AccountClaims}): up to two seconds ahead of the clock, well inside
 * the 30 s skew every check allows. A token issued so between two revocations of one subject less than two seconds
 * apart carries the first one's instant; the second therefore moves the instant on by one more second.
 */
@Component
public class Revocations implements SmartInitializingSingleton, DisposableBean {

    static final Duration MARGIN = Duration.ofSeconds(2);
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final TokenProperties tokens;
    private final Clock clock = Clock.systemUTC();
    private final RevocationList list;

    Revocations(JdbcTemplate jdbc, TokenProperties tokens) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.list = new RevocationList("the gateway's database", this::hashed, RevocationList.DEFAULT_REFRESH_INTERVAL,
                MAX_AGE, RevocationList.DEFAULT_RETRY_INTERVAL, clock);
    }

    /** Read from the start, once the database is migrated (every singleton, Flyway's among them, is ready). */
    @Override
    public void afterSingletonsInstantiated() {
        list.start();
    }

    /**
     * Voids the tokens of {@code subject} issued until now, in the caller's transaction; this gateway's list takes it in
     * once that commits. Answers the instant before which its tokens are void.
     */
    public Instant revoke(String subject) {
        Instant now = clock.instant();
        Instant before = now.truncatedTo(ChronoUnit.SECONDS).plus(MARGIN);
        // Kept until the last token it voids has expired, however the clocks differ.
        Instant expires = before.plus(tokens.longestTimeToLive()).plus(TokenChecks.DEFAULT_CLOCK_SKEW).plus(MARGIN);
        // A second revocation before the first one's instant has passed moves it on by a second: the tokens issued in
        // between carry the first one's instant as their iat (see the class comment), and must be void too.
        Timestamp revokedBefore = jdbc.queryForObject("""
                INSERT INTO revoked_subject (subject, revoked_before, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (subject) DO UPDATE SET
                    revoked_before = CASE WHEN revoked_subject.revoked_before >= excluded.revoked_before
                        THEN revoked_subject.revoked_before + interval '1 second' ELSE excluded.revoked_before END,
                    expires_at = greatest(revoked_subject.expires_at, excluded.expires_at) + interval '1 second'
                RETURNING revoked_before""",
                Timestamp.class, subject, Timestamp.from(before), Timestamp.from(expires));
        before = revokedBefore.toInstant();
        jdbc.update("DELETE FROM revoked_subject WHERE expires_at < ?", Timestamp.from(now));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    list.refresh();
                }
            });
        } else {
            list.refresh();
        }
        return before;
    }

    /** What the services are told: the gateway's list as it checks it (subjects as SHA-256). */
    public RevocationList.Published published() {
        return RevocationList.Published.ofHashed(list.lastRead());
    }

    /** The revocations in force in the database: each subject, in clear, with the instant before which its tokens are void. */
    public Map<String, Instant> current() {
        Map<String, Instant> current = new LinkedHashMap<>();
        jdbc.query("SELECT subject, revoked_before FROM revoked_subject WHERE expires_at > ? ORDER BY subject",
                row -> {
                    current.put(row.getString("subject"), row.getTimestamp("revoked_before").toInstant());
                },
                Timestamp.from(clock.instant()));
        return current;
    }

    /** The gateway's own check of every token it is given. */
    public RevocationList list() {
        return list;
    }

    @Override
    public void destroy() {
        list.close();
    }

    private Map<String, Instant> hashed() {
        Map<String, Instant> hashed = new HashMap<>();
        current().forEach((subject, before) -> hashed.put(RevocationList.sha256(subject), before));
        return hashed;
    }
}
