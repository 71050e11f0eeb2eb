package org.giaoban.gateway.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RSA keys that sign tokens, kept in the gateway's database so that tokens survive a restart and all gateway
 * instances agree. The newest key (the active one) signs; a rotation makes a new key active and leaves the previous
 * one in the JWKS for {@link KeyProperties#retiredKeyRetention()}, so tokens it signed verify until they expire.
 *
 * <p>Keys are cached in memory and reread every {@link KeyProperties#refreshInterval()}, and at once (at most once a
 * second) when a token names a key id this instance has not seen: another instance may have rotated. Whoever remembers
 * verified tokens hears when a key leaves the published set ({@link #whenKeysWithdrawn}), as soon as this instance
 * rereads the keys.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Serialises key creation and rotation across gateway instances (a PostgreSQL advisory lock id). */
    private static final long KEY_LOCK = 0x6b657973L;
    private static final long UNKNOWN_KID_RELOAD_MILLIS = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final KeyProperties properties;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private final List<Runnable> withdrawalListeners = new CopyOnWriteArrayList<>();

    /** The active key (with its private part) and every published key (public parts only), as read at a moment. */
    private record Snapshot(RSAKey active, List<JWK> published, Instant loadedAt) {
    }

    /** What a rotation did, for the operator who asked for it. */
    public record Rotation(String kid, String previousKid, Instant previousPublishedUntil) {
    }

    public SigningKeys(JdbcTemplate jdbc, TransactionTemplate transaction, KeyProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    /** For the token encoder: only the active key, so the encoder never has to choose. */
    public JWKSource<SecurityContext> signingSource() {
        return (selector, context) -> selector.select(new JWKSet(current().active()));
    }

    /** For the JWKS endpoint and the gateway's own token checks: every published key, public parts only. */
    public JWKSource<SecurityContext> publishedSource() {
        return (selector, context) -> {
            Snapshot keys = current();
            List<JWK> found = selector.select(new JWKSet(keys.published()));
            if (found.isEmpty() && namesKeyId(selector)
                    && keys.loadedAt().plusMillis(UNKNOWN_KID_RELOAD_MILLIS).isBefore(clock.instant())) {
                found = selector.select(new JWKSet(refresh(keys).published()));
            }
            return found;
        };
    }

    /** Makes a new key active; the previous one stays published for the configured retention. */
    public Rotation rotate() {
        Rotation rotation = transaction.execute(status -> {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", KEY_LOCK);
            Instant now = clock.instant();
            Instant publishedUntil = now.plus(properties.retiredKeyRetention());
            List<String> previous = jdbc.queryForList(
                    "SELECT kid FROM signing_key WHERE published_until IS NULL ORDER BY created_at DESC", String.class);
            jdbc.update("UPDATE signing_key SET published_until = ? WHERE published_until IS NULL", Timestamp.from(publishedUntil));
            String kid = insertNewKey(now);
            return new Rotation(kid, previous.isEmpty() ? null : previous.get(0), previous.isEmpty() ? null : publishedUntil);
        });
        log.info("Signing key rotated: {} is active, {} stays published until {}",
                rotation.kid(), rotation.previousKid(), rotation.previousPublishedUntil());
        reload();
        return rotation;
    }

    /**
     * {@code listener} runs whenever a reread finds that a key published before is no longer (a rotation here with a
     * short retention, another instance's, a retention over): tokens it signed must stop verifying.
     */
    public void whenKeysWithdrawn(Runnable listener) {
        withdrawalListeners.add(listener);
    }

    /** The kid of the key that signs now. */
    public String activeKid() {
        return current().active().getKeyID();
    }

    private Snapshot current() {
        Snapshot keys = snapshot;
        if (keys == null || keys.loadedAt().plus(properties.refreshInterval()).isBefore(clock.instant())) {
            keys = refresh(keys);
        }
        return keys;
    }

    /**
     * Reads the keys again unless another thread already did since {@code seen} was read: request threads that found
     * the same stale keys wait for one read of the database, not one each.
     */
    private synchronized Snapshot refresh(Snapshot seen) {
        Snapshot keys = snapshot;
        return keys != null && keys != seen ? keys : reload();
    }

    /** Reads the keys, creating the first one (once, whichever instance gets there first) if there is none. */
    private synchronized Snapshot reload() {
        Snapshot keys = transaction.execute(status -> {
            Instant now = clock.instant();
            List<StoredKey> stored = read(now);
            if (stored.stream().noneMatch(StoredKey::active)) {
                jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", KEY_LOCK);
                stored = read(now);
                if (stored.stream().noneMatch(StoredKey::active)) {
                    log.info("No active signing key: created {}", insertNewKey(now));
                    stored = read(now);
                }
            }
            RSAKey active = stored.stream().filter(StoredKey::active).findFirst().orElseThrow().key();
            List<JWK> published = stored.stream().<JWK>map(key -> key.key().toPublicJWK()).toList();
            return new Snapshot(active, published, now);
        });
        Snapshot previous = snapshot;
        snapshot = keys;
        if (previous != null && !kids(keys.published()).containsAll(kids(previous.published()))) {
            withdrawalListeners.forEach(Runnable::run);
        }
        return keys;
    }

    private static Set<String> kids(List<JWK> keys) {
        return keys.stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }

    private record StoredKey(RSAKey key, boolean active) {
    }

    /** The published keys, newest first. */
    private List<StoredKey> read(Instant now) {
        return jdbc.query("""
                SELECT kid, public_key, private_key, published_until IS NULL AS active FROM signing_key
                WHERE published_until IS NULL OR published_until > ? ORDER BY created_at DESC""",
                (row, n) -> new StoredKey(rsaKey(row.getString("kid"), row.getBytes("public_key"), row.getBytes("private_key")),
                        row.getBoolean("active")),
                Timestamp.from(now));
    }

    private String insertNewKey(Instant now) {
        KeyPair pair = generate();
        String kid = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO signing_key (kid, public_key, private_key, created_at) VALUES (?, ?, ?, ?)",
                kid, pair.getPublic().getEncoded(), pair.getPrivate().getEncoded(), Timestamp.from(now));
        return kid;
    }

    private static boolean namesKeyId(JWKSelector selector) {
        return selector.getMatcher().getKeyIDs() != null && !selector.getMatcher().getKeyIDs().isEmpty();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    private static RSAKey rsaKey(String kid, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey)))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey)))
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Signing key " + kid + " cannot be read", e);
        }
    }
}
