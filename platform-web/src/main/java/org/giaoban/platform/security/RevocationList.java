package org.giaoban.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The clients whose earlier tokens are void, and the check that refuses those tokens — at the gateway and in every
 * service alike. Deleting an account or giving it a new secret revokes its tokens: the gateway records "tokens of this
 * subject issued before T are void" (until every such token has expired) and publishes the list at
 * {@code /oauth2/revocations}, naming each subject only by the SHA-256 of its client id ({@link Published}).
 *
 * <p>This class holds the last list read from its {@link Source} (the gateway's database there, that endpoint in the
 * services), reads it again every {@code refreshInterval} on a thread of its own, and checks each token against it as
 * an {@link OAuth2TokenValidator}: a token whose {@code sub} is listed and whose {@code iat} is before the listed instant
 * is refused ({@code invalid_token}, 401). Run after the signature check and again at every use of a remembered token
 * ({@link CachingJwtDecoder} repeats its checks), so a revocation reaches tokens already seen too.
 *
 * <p><b>When the list cannot be read</b> the last one read is used for up to {@code maxAge} after it was read; past
 * that (or before the first read) a token check tries one read itself (at most one every {@code retryInterval}, other
 * requests do not wait), and if that fails too the token is refused — with error code {@value #UNAVAILABLE_CODE}, which
 * {@link Refusals} answers as 503 {@code revocations-unavailable} (the token may well be good: try again later), not
 * 401. A revocation must not be ignored because the gateway is out of reach. Defaults: read every 15 s, refuse past
 * 45 s, so a revocation takes effect within 60 s whether or not the gateway answers. Public reads are unaffected: they
 * need no token.
 */
public final class RevocationList implements OAuth2TokenValidator<Jwt>, AutoCloseable {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(45);
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(2);
    /** The OAuth2 error code (RFC 6749) of a token that could not be checked because the list is out of date. */
    public static final String UNAVAILABLE_CODE = "temporarily_unavailable";
    static final String REVOKED = "The token was revoked: its client was deleted or given a new secret.";
    static final String UNAVAILABLE = "Revocations cannot be checked now: the gateway's revocation list could not be read.";
    static final String UNCHECKABLE = "The token has no subject or issue time to check against revocations.";

    private static final Logger log = LoggerFactory.getLogger(RevocationList.class);
    private static final HexFormat HEX = HexFormat.of();

    /** Reads the current list: the SHA-256 (hex) of each revoked subject, and the instant before which its tokens are void. */
    @FunctionalInterface
    public interface Source {
        Map<String, Instant> read() throws Exception;
    }

    /**
     * The list as the gateway publishes it: {@code {"revoked":[{"subjectSha256":"…","issuedBefore":1735689602}]}},
     * {@code issuedBefore} in seconds since the epoch like {@code iat}.
     */
    public record Published(List<Revoked> revoked) {

        public record Revoked(String subjectSha256, long issuedBefore) {
        }

        public static Published of(Map<String, Instant> bySubject) {
            Map<String, Instant> hashed = new HashMap<>();
            bySubject.forEach((subject, before) -> hashed.put(sha256(subject), before));
            return ofHashed(hashed);
        }

        /** From subjects already hashed, as {@link #lastRead()} holds them. */
        public static Published ofHashed(Map<String, Instant> bySubjectHash) {
            return new Published(bySubjectHash.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(entry -> new Revoked(entry.getKey(), entry.getValue().getEpochSecond()))
                    .toList());
        }

        Map<String, Instant> bySubjectHash() {
            Map<String, Instant> map = new HashMap<>();
            if (revoked != null) {
                revoked.forEach(entry -> map.merge(entry.subjectSha256(), Instant.ofEpochSecond(entry.issuedBefore()),
                        (a, b) -> a.isAfter(b) ? a : b));
            }
            return map;
        }
    }

    private record Snapshot(Map<String, Instant> revoked, Instant readAt) {
    }

    private final String name;
    private final Source source;
    private final Duration refreshInterval;
    private final Duration maxAge;
    private final Duration retryInterval;
    private final Clock clock;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile Instant lastAttempt = Instant.EPOCH;
    private volatile boolean failing;
    private ScheduledExecutorService poller;

    /**
     * @param name            where the list comes from, for the log
     * @param refreshInterval how often the list is read again
     * @param maxAge          how long a list is used when it cannot be read again; past that, tokens are refused
     * @param retryInterval   how often a token check may try a read itself once the list is out of date
     */
    public RevocationList(String name, Source source, Duration refreshInterval, Duration maxAge, Duration retryInterval,
                          Clock clock) {
        if (refreshInterval.isNegative() || refreshInterval.isZero() || maxAge.compareTo(refreshInterval) < 0) {
            throw new IllegalArgumentException("the refresh interval must be positive and the maximum age at least as long");
        }
        this.name = name;
        this.source = source;
        this.refreshInterval = refreshInterval;
        this.maxAge = maxAge;
        this.retryInterval = retryInterval;
        this.clock = clock;
    }

    /** The list published at {@code uri} (the gateway's {@code /oauth2/revocations}), read over HTTP. */
    public static Source remote(URI uri, ObjectMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return () -> {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(uri + " answered " + response.statusCode());
            }
            return json.readValue(response.body(), Published.class).bySubjectHash();
        };
    }

    /** The SHA-256 of a subject, as the list names it (lower-case hex of its UTF-8 bytes). */
    public static String sha256(String subject) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The list as last read (SHA-256 of each subject, instant before which its tokens are void), however old: for the
     * gateway, which publishes what it checks.
     */
    public Map<String, Instant> lastRead() {
        Snapshot known = snapshot;
        return known == null ? Map.of() : known.revoked();
    }

    /** Reads the list at once and then every refresh interval, on a daemon thread, until {@link #close()}. */
    public RevocationList start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "revocation-list");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::refresh, 0, refreshInterval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** Reads the list now; answers whether it could. A failure keeps the last list (see the class comment). */
    public boolean refresh() {
        reading.lock();
        try {
            lastAttempt = clock.instant();
            Map<String, Instant> revoked = Map.copyOf(source.read());
            snapshot = new Snapshot(revoked, clock.instant());
            if (failing) {
                failing = false;
                log.info("The revocation list of {} is read again ({} revoked clients)", name, revoked.size());
            }
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reportFailure(e);
            return false;
        } finally {
            reading.unlock();
        }
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant issuedAt = jwt.getIssuedAt();
        String subject = jwt.getSubject();
        if (issuedAt == null || subject == null) {
            return refused(UNCHECKABLE);
        }
        Snapshot current = current();
        if (current == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error(UNAVAILABLE_CODE, UNAVAILABLE, null));
        }
        if (current.revoked().isEmpty()) {
            return OAuth2TokenValidatorResult.success();
        }
        Instant before = current.revoked().get(sha256(subject));
        return before != null && issuedAt.isBefore(before) ? refused(REVOKED) : OAuth2TokenValidatorResult.success();
    }

    /** The list if it is recent enough, after one read of this thread's own if it is not (and none was tried lately). */
    private Snapshot current() {
        Snapshot known = snapshot;
        if (fresh(known)) {
            return known;
        }
        if (!clock.instant().isBefore(lastAttempt.plus(retryInterval)) && reading.tryLock()) {
            try {
                if (!fresh(snapshot) && !clock.instant().isBefore(lastAttempt.plus(retryInterval))) {
                    refresh();
                }
            } finally {
                reading.unlock();
            }
        }
        known = snapshot;
        return fresh(known) ? known : null;
    }

    private boolean fresh(Snapshot known) {
        return known != null && clock.instant().isBefore(known.readAt().plus(maxAge));
    }

    private void reportFailure(Exception e) {
        Snapshot known = snapshot;
        String cause = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (fresh(known)) {
            log.debug("The revocation list of {} could not be read ({}); the one read at {} is used", name, cause, known.readAt());
        } else if (!failing) {
            failing = true;
            if (known == null) {
                // At start the gateway may not answer yet (./giaoban run starts it last): worth a line, not an alarm.
                log.info("The revocation list of {} cannot be read yet ({}): tokens are refused until it can", name, cause);
            } else {
                log.warn("The revocation list of {} could not be read since {} ({}): tokens are refused until it can",
                        name, known.readAt(), cause);
            }
        }
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
