package org.giaoban.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import org.giaoban.gateway.accounts.Account;
import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.accounts.Role;
import org.giaoban.gateway.people.People;
import org.giaoban.gateway.people.Person;

/**
 * Puts what the caller may do into its tokens: {@code roles}, {@code clusters} (coordinators), {@code urban_area}
 * (delegates).
 *
 * <p>A machine client's access token ({@code client_credentials}) and a person's ({@code authorization_code} and
 * {@code refresh_token} grants of the console) are alike — the audience the services expect, the same claims, an
 * {@code iat} not before the subject's last revocation — so the services take both unchanged; a person's also carries
 * {@code name} (the display name), its subject is the username, and it lives {@link TokenProperties#personTimeToLive()}
 * instead of {@link TokenProperties#timeToLive()} (applied here rather than stored per client, so that changing it
 * applies at once). A person's ID token (audience: the console) carries {@code name} and the same role claims.
 * A disabled or removed person gets no token, and so no refreshed one either.
 */
class AccountClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = org.giaoban.platform.security.TokenChecks.ROLES;
    static final String CLUSTERS = "clusters";
    static final String URBAN_AREA = "urban_area";
    static final String NAME = "name";

    private final Accounts accounts;
    private final People people;
    private final TokenProperties tokens;

    AccountClaims(Accounts accounts, People people, TokenProperties tokens) {
        this.accounts = accounts;
        this.people = people;
        this.tokens = tokens;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            machine(context);
        } else {
            person(context, accessToken);
        }
    }

    private void machine(JwtEncodingContext context) {
        String clientId = context.getRegisteredClient().getClientId();
        // Account, secret and revocation as one statement sees them. A client without an account gets no token; nor
        // does one whose secret changed (or that was deleted and made anew) since it authenticated.
        Accounts.Grant grant = accounts.grant(clientId)
                .filter(found -> found.secretHash() != null && found.secretHash().equals(context.getRegisteredClient().getClientSecret()))
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "The client has no account, or its secret changed.", null)));
        Account account = grant.account();
        accessClaims(context, grant.revokedBefore(), tokens.timeToLive());
        roleClaims(context, account.role(), account.clusters(), account.urbanAreaId());
    }

    private void person(JwtEncodingContext context, boolean accessToken) {
        People.TokenGrant grant = people.tokenGrant(context.getPrincipal().getName())
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The person is unknown or disabled.", null)));
        Person person = grant.person();
        if (accessToken) {
            accessClaims(context, grant.revokedBefore(), tokens.personTimeToLive());
        }
        context.getClaims().claim(NAME, person.displayName());
        roleClaims(context, person.role(), person.clusters(), person.urbanAreaId());
    }

    /** The audience the services check, an issue time not before the last revocation, and the lifetime. */
    private void accessClaims(JwtEncodingContext context, Instant revokedBefore, Duration timeToLive) {
        context.getClaims()
                .audience(new ArrayList<>(List.of(tokens.audience())))
                .claims(claims -> {
                    Instant issuedAt = (Instant) claims.get(JwtClaimNames.IAT);
                    // Not before the subject's last revocation: iat counts whole seconds (see Revocations).
                    if (revokedBefore != null && revokedBefore.isAfter(issuedAt)) {
                        issuedAt = revokedBefore;
                        claims.put(JwtClaimNames.IAT, issuedAt);
                        claims.put(JwtClaimNames.NBF, issuedAt);
                    }
                    claims.put(JwtClaimNames.EXP, issuedAt.plus(timeToLive));
                });
    }

    /**
     * Mutable lists: a person's tokens are recorded with their claims (JSON with types), and Spring Security reads back
     * only the collection types it allows.
     */
    private static void roleClaims(JwtEncodingContext context, Role role, List<String> clusters, String urbanAreaId) {
        context.getClaims().claim(ROLES, new ArrayList<>(List.of(role.name())));
        if (role == Role.COORDINATOR) {
            context.getClaims().claim(CLUSTERS, new ArrayList<>(clusters));
        }
        if (role == Role.DELEGATE) {
            context.getClaims().claim(URBAN_AREA, urbanAreaId);
        }
    }
}
