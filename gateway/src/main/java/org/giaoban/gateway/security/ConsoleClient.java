package org.giaoban.gateway.security;

import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import org.giaoban.gateway.accounts.SecretPolicy;
import org.giaoban.gateway.accounts.Subjects;
import org.giaoban.gateway.web.Problem;

/**
 * Registers the console at start, as configured ({@link ConsoleProperties}): a confidential client
 * ({@code client_secret_basic}) with the {@code authorization_code} grant, PKCE required, no consent screen, scopes
 * {@code openid profile}, and {@code refresh_token}, rotating; people's access tokens live
 * {@link TokenProperties#personTimeToLive()}, refresh tokens {@link TokenProperties#personRefreshTimeToLive()}. The
 * registration is brought up to date at every start; without a secret it is removed (a WARN says so), so that a
 * registration left by an earlier configuration does not live on. A secret that does not meet the secret policy (outside
 * the local profile, the documented local one included) stops the start, saying why.
 */
@Component
class ConsoleClient implements ApplicationRunner {

    static final String CLIENT_ID = "console";
    private static final Logger log = LoggerFactory.getLogger(ConsoleClient.class);

    private final ConsoleProperties console;
    private final TokenProperties tokens;
    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final SecretPolicy policy;
    private final Subjects subjects;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ConsoleClient(ConsoleProperties console, TokenProperties tokens, RegisteredClientRepository clients,
                  PasswordEncoder passwords, SecretPolicy policy, Subjects subjects, JdbcTemplate jdbc,
                  TransactionTemplate transaction) {
        this.console = console;
        this.tokens = tokens;
        this.clients = clients;
        this.passwords = passwords;
        this.policy = policy;
        this.subjects = subjects;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (console.registered()) {
            try {
                policy.check(CLIENT_ID, console.clientSecret());
            } catch (Problem refused) {
                String reason = "The console client cannot be registered with GIAOBAN_CONSOLE_CLIENT_SECRET (" + refused.code()
                        + "): " + refused.getMessage() + " Choose another and start again.";
                log.error(reason);
                throw new IllegalStateException(reason);
            }
        }
        transaction.executeWithoutResult(status -> {
            subjects.lock(CLIENT_ID);
            if (subjects.isPerson(CLIENT_ID) || Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT EXISTS (SELECT 1 FROM account WHERE client_id = ?)", Boolean.class, CLIENT_ID))) {
                log.error("A machine account or a person is named {}: the console client is not registered (remove or"
                        + " rename it, then start again)", CLIENT_ID);
                return;
            }
            RegisteredClient existing = clients.findByClientId(CLIENT_ID);
            if (!console.registered()) {
                if (existing != null) {
                    jdbc.update("DELETE FROM oauth2_authorization WHERE registered_client_id = ?", existing.getId());
                    jdbc.update("DELETE FROM oauth2_registered_client WHERE id = ?", existing.getId());
                }
                log.warn("GIAOBAN_CONSOLE_CLIENT_SECRET is not set: the console client is not registered{}, and nobody can"
                        + " sign in to the console", existing != null ? " (its earlier registration was removed)" : "");
                return;
            }
            clients.save(registration(existing));
            log.info("Console client {} registered: redirect URIs {}, post-logout redirect URIs {}", CLIENT_ID,
                    console.redirectUris(), console.logoutRedirectUris());
        });
    }

    private RegisteredClient registration(RegisteredClient existing) {
        String hash = existing != null && existing.getClientSecret() != null
                && passwords.matches(console.clientSecret(), existing.getClientSecret())
                ? existing.getClientSecret() : passwords.encode(console.clientSecret());
        return RegisteredClient.withId(existing != null ? existing.getId() : UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientName("Giao Ban console")
                .clientIdIssuedAt(existing != null && existing.getClientIdIssuedAt() != null ? existing.getClientIdIssuedAt() : Instant.now())
                .clientSecret(hash)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(console.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(console.logoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(tokens.personTimeToLive())
                        .refreshTokenTimeToLive(tokens.personRefreshTimeToLive())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build())
                .build();
    }
}
