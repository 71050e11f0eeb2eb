package org.giaoban.gateway.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The record of authorizations: the console's (authorization codes, people's refresh and ID tokens) in PostgreSQL
 * ({@code oauth2_authorization}, through Spring Authorization Server's {@link JdbcOAuth2AuthorizationService}), shared
 * by every gateway instance; machine clients' {@code client_credentials} tokens not at all, as before. Those JWTs are
 * self-contained and checked by signature; recording each would grow a table under steady machine traffic for nothing,
 * as Giao Ban offers no introspection or per-token revocation (those endpoints are off). They end by expiring, or all of
 * a client's at once ({@link org.giaoban.gateway.accounts.Revocations}). Authorizations whose every code and token
 * has expired are deleted, at most once a minute, when a new one is saved.
 */
class Authorizations implements OAuth2AuthorizationService {

    private static final long CLEAN_UP_EVERY = Duration.ofMinutes(1).toNanos();

    private final JdbcOAuth2AuthorizationService recorded;
    private final JdbcTemplate jdbc;
    private final AtomicLong lastCleanUp = new AtomicLong(System.nanoTime() - CLEAN_UP_EVERY);

    Authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        this.recorded = new JdbcOAuth2AuthorizationService(jdbc, clients);
        this.jdbc = jdbc;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType())) {
            return;
        }
        recorded.save(authorization);
        long last = lastCleanUp.get();
        if (System.nanoTime() - last >= CLEAN_UP_EVERY && lastCleanUp.compareAndSet(last, System.nanoTime())) {
            // greatest() skips the nulls: a row goes once all it holds has expired.
            jdbc.update("""
                    DELETE FROM oauth2_authorization WHERE greatest(authorization_code_expires_at, access_token_expires_at,
                        refresh_token_expires_at, oidc_id_token_expires_at) < ?""", Timestamp.from(Instant.now()));
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        recorded.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return recorded.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return recorded.findByToken(token, tokenType);
    }
}
