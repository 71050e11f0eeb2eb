package org.giaoban.gateway.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;

/**
 * Checks an RP-initiated logout request ({@code /connect/logout}) by the ID token it names: signed by the gateway
 * (any key of the JWKS), issued by it, for a registered client (its audience; the {@code client_id} parameter, if
 * given, the same), for the signed-in person if someone is signed in; and a {@code post_logout_redirect_uri}, if
 * given, registered for that client exactly. Expired ID tokens are accepted (OpenID Connect RP-Initiated Logout says
 * so).
 *
 * <p>Instead of Spring Authorization Server's check, which also requires the ID token to be the last one recorded for
 * its authorization: every refresh issues a new ID token, and a console that signs out with the one it got at sign-in
 * (as Spring Security's client does) would be refused with 400 after its first refresh, leaving the person signed in.
 */
final class LogoutRequests implements AuthenticationProvider {

    private final JwtDecoder idTokens;
    private final RegisteredClientRepository clients;

    /** @param idTokens verifies the signature and the issuer only */
    LogoutRequests(JwtDecoder idTokens, RegisteredClientRepository clients) {
        this.idTokens = idTokens;
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OidcLogoutAuthenticationToken request = (OidcLogoutAuthenticationToken) authentication;
        Jwt jwt;
        try {
            jwt = idTokens.decode(request.getIdTokenHint());
        } catch (JwtException e) {
            throw refused(OAuth2ErrorCodes.INVALID_TOKEN, "id_token_hint");
        }
        RegisteredClient client = jwt.getAudience() == null || jwt.getAudience().size() != 1 ? null
                : clients.findByClientId(jwt.getAudience().get(0));
        if (client == null) {
            throw refused(OAuth2ErrorCodes.INVALID_TOKEN, "aud");
        }
        if (request.getClientId() != null && !request.getClientId().isEmpty() && !request.getClientId().equals(client.getClientId())) {
            throw refused(OAuth2ErrorCodes.INVALID_REQUEST, "client_id");
        }
        String postLogout = request.getPostLogoutRedirectUri();
        if (postLogout != null && !postLogout.isEmpty() && !client.getPostLogoutRedirectUris().contains(postLogout)) {
            throw refused(OAuth2ErrorCodes.INVALID_REQUEST, "post_logout_redirect_uri");
        }
        if (request.isPrincipalAuthenticated()
                && !((Authentication) request.getPrincipal()).getName().equals(jwt.getSubject())) {
            throw refused(OAuth2ErrorCodes.INVALID_TOKEN, "sub");
        }
        OidcIdToken idToken = new OidcIdToken(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), jwt.getClaims());
        return new OidcLogoutAuthenticationToken(idToken, (Authentication) request.getPrincipal(), request.getSessionId(),
                request.getClientId(), postLogout, request.getState());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OidcLogoutAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static OAuth2AuthenticationException refused(String code, String parameter) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, "OpenID Connect 1.0 Logout Request Parameter: " + parameter,
                "https://openid.net/specs/openid-connect-rpinitiated-1_0.html#ValidationAndErrorHandling"));
    }
}
