package org.giaoban.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization server metadata (RFC 8414) and the OpenID Provider metadata (OpenID Connect Discovery) of what
 * Giao Ban actually offers: the authorization endpoint (response type {@code code}, PKCE with {@code S256}), the token
 * endpoint ({@code authorization_code}, {@code refresh_token}, {@code client_credentials}; HTTP Basic client
 * authentication), the JWKS, and for OpenID Connect the RP-initiated logout endpoint and RS256 ID tokens. Spring
 * Authorization Server's own documents would also name endpoints that are switched off here (revocation,
 * introspection, user info, device authorization, pushed authorization requests), so they are not served; nothing
 * that does not answer is advertised.
 */
@RestController
class AuthorizationServerMetadata {

    private final TokenProperties tokens;

    AuthorizationServerMetadata(TokenProperties tokens) {
        this.tokens = tokens;
    }

    @GetMapping(path = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> authorizationServer() {
        return common();
    }

    @GetMapping(path = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> openIdProvider() {
        String issuer = tokens.issuer().replaceAll("/+$", "");
        Map<String, Object> metadata = common();
        metadata.put("end_session_endpoint", issuer + SecurityConfiguration.LOGOUT_ENDPOINT);
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "sid", "azp",
                AccountClaims.NAME, AccountClaims.ROLES, AccountClaims.CLUSTERS, AccountClaims.URBAN_AREA));
        return metadata;
    }

    private Map<String, Object> common() {
        String issuer = tokens.issuer().replaceAll("/+$", "");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", tokens.issuer());
        metadata.put("authorization_endpoint", issuer + SecurityConfiguration.AUTHORIZATION_ENDPOINT);
        metadata.put("token_endpoint", issuer + SecurityConfiguration.TOKEN_ENDPOINT);
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        metadata.put("jwks_uri", issuer + SecurityConfiguration.JWKS_ENDPOINT);
        metadata.put("response_types_supported", List.of("code"));
        metadata.put("grant_types_supported", List.of("authorization_code", "refresh_token", "client_credentials"));
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        metadata.put("scopes_supported", List.of("openid", "profile"));
        return metadata;
    }
}
