package org.giaoban.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import org.giaoban.platform.security.SecurityLog;

/**
 * The end of RP-initiated logout ({@code /connect/logout}, after Spring Authorization Server checked the
 * {@code id_token_hint} and the {@code post_logout_redirect_uri}): the gateway's sign-in session ends, and so does the
 * authorization the ID token came with (its refresh token stops working: signing out of the console ends it, not only
 * the browser's session). Then the browser goes to the registered {@code post_logout_redirect_uri} (with {@code state}),
 * or else to the sign-in page, which says "Bạn đã đăng xuất.".
 */
final class ConsoleLogout implements AuthenticationSuccessHandler {

    static final String SIGNED_OUT = "sign-out";
    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

    private final OAuth2AuthorizationService authorizations;
    private final JdbcTemplate jdbc;
    private final SecurityContextLogoutHandler sessions = new SecurityContextLogoutHandler();

    ConsoleLogout(OAuth2AuthorizationService authorizations, JdbcTemplate jdbc) {
        this.authorizations = authorizations;
        this.jdbc = jdbc;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException {
        OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
        SecurityLog.info(SIGNED_OUT, request, "username", logout.getIdToken().getSubject(), "clientId", logout.getClientId());
        if (logout.isPrincipalAuthenticated()) {
            sessions.logout(request, response, (Authentication) logout.getPrincipal());
        }
        OAuth2Authorization authorization = authorizations.findByToken(logout.getIdToken().getTokenValue(), ID_TOKEN);
        String sid = logout.getIdToken().getClaimAsString("sid");
        if (authorization != null) {
            authorizations.remove(authorization);
        } else if (sid != null && !sid.isBlank()) {
            // An earlier ID token of an authorization that a refresh gave a new one: found by the sign-in session it names.
            jdbc.update("DELETE FROM oauth2_authorization WHERE principal_name = ? AND position(? in oidc_id_token_metadata) > 0",
                    logout.getIdToken().getSubject(), "\"sid\":\"" + sid + "\"");
        }
        String target = request.getContextPath() + "/login?logout";
        if (logout.isAuthenticated() && logout.getPostLogoutRedirectUri() != null && !logout.getPostLogoutRedirectUri().isBlank()) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(logout.getPostLogoutRedirectUri());
            if (logout.getState() != null && !logout.getState().isBlank()) {
                uri.queryParam(OAuth2ParameterNames.STATE, UriUtils.encode(logout.getState(), StandardCharsets.UTF_8));
            }
            target = uri.build(true).toUriString();
        }
        response.sendRedirect(target);
    }
}
