package org.giaoban.gateway.security;

import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import org.giaoban.gateway.accounts.Account;
import org.giaoban.gateway.accounts.Accounts;
import org.giaoban.gateway.accounts.Role;

/**
 * Puts what the client may do into its access token: {@code roles}, {@code clusters} (coordinators),
 * {@code urban_area} (delegates), the audience the services expect, and the configured time-to-live (applied here
 * rather than stored per client, so that changing it applies to every client). Every token carries {@code iat}, which
 * revocation relies on.
 */
class AccountClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String ROLES = org.giaoban.platform.security.TokenChecks.ROLES;
    static final String CLUSTERS = "clusters";
    static final String URBAN_AREA = "urban_area";

    private final Accounts accounts;
    private final TokenProperties tokens;

    AccountClaims(Accounts accounts, TokenProperties tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String clientId = context.getRegisteredClient().getClientId();
        // Account, secret and revocation as one statement sees them. A client without an account gets no token; nor
        // does one whose secret changed (or that was deleted and made anew) since it authenticated.
        Accounts.Grant grant = accounts.grant(clientId)
                .filter(found -> found.secretHash() != null && found.secretHash().equals(context.getRegisteredClient().getClientSecret()))
                .orElseThrow(() -> new OAuth2AuthenticationException(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, "The client has no account, or its secret changed.", null)));
        Account account = grant.account();
        context.getClaims()
                .audience(List.of(tokens.audience()))
                .claim(ROLES, List.of(account.role().name()))
                .claims(claims -> {
                    Instant issuedAt = (Instant) claims.get(JwtClaimNames.IAT);
                    // Not before the client's last revocation: iat counts whole seconds (see Revocations).
                    if (grant.revokedBefore() != null && grant.revokedBefore().isAfter(issuedAt)) {
                        issuedAt = grant.revokedBefore();
                        claims.put(JwtClaimNames.IAT, issuedAt);
                        claims.put(JwtClaimNames.NBF, issuedAt);
                    }
                    claims.put(JwtClaimNames.EXP, issuedAt.plus(tokens.timeToLive()));
                });
        if (account.role() == Role.COORDINATOR) {
            context.getClaims().claim(CLUSTERS, account.clusters());
        }
        if (account.role() == Role.DELEGATE) {
            context.getClaims().claim(URBAN_AREA, account.urbanAreaId());
        }
    }
}
