package org.giaoban.gateway.security;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Keeps no record of issued tokens. Spring Authorization Server's default keeps every authorization in memory for ever
 * (a leak under steady client_credentials traffic, and lost at restart anyway); the JWTs it issues are self-contained
 * and checked by signature, and Giao Ban offers no refresh tokens, introspection or revocation that would need the
 * record. Tokens end by expiring.
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
