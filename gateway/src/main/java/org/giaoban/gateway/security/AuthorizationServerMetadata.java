package org.giaoban.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization server metadata (RFC 8414) of what Giao Ban actually offers: the token endpoint for the
 * {@code client_credentials} grant with HTTP Basic client authentication, and the JWKS. Spring Authorization Server's
 * own document cannot leave out the authorization endpoint, so it is not served; no authorization, device,
 * revocation, introspection or OpenID Connect endpoint is advertised, since none answers.
 */
@RestController
class AuthorizationServerMetadata {

    private final TokenProperties tokens;

    AuthorizationServerMetadata(TokenProperties tokens) {
        this.tokens = tokens;
    }

    @GetMapping(path = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> metadata() {
        String issuer = tokens.issuer().replaceAll("/+$", "");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", tokens.issuer());
        metadata.put("token_endpoint", issuer + SecurityConfiguration.TOKEN_ENDPOINT);
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic"));
        metadata.put("jwks_uri", issuer + SecurityConfiguration.JWKS_ENDPOINT);
        metadata.put("grant_types_supported", List.of("client_credentials"));
        // No authorization endpoint, hence no response type (RFC 8414 asks for the member).
        metadata.put("response_types_supported", List.of());
        return metadata;
    }
}
