package org.giaoban.gateway.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Spring Authorization Server's default keeps every authorization in memory for ever
 * (a leak under steady client_credentials traffic, and lost at restart anyway); the JWTs it issues are self-contained
 * and checked by signature, and Giao Ban offers no refresh tokens, introspection or per-token revocation that would
 * need the record (those endpoints are switched off, see {@link SecurityConfiguration}). Tokens end by expiring, or
 * all of a client's at once when its account is deleted or given a new secret
 * ({@link org.giaoban.gateway.accounts.Revocations}).
 */
class StatelessAuthorizations implements OAuth2AuthorizationService {

    @Override
    public void save(OAuth2Authorization authorization) {
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return null;
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return null;
    }
}
