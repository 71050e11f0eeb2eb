package org.giaoban.platform.security;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

import static org.assertj.core.api.Assertions.assertThat;

/** A token refused only because revocations cannot be checked is a 503 to retry, not a 401 for a bad token. */
class RefusalsTest {

    private final AuthenticationEntryPoint entryPoint = Refusals.unauthenticated(new ObjectMapper());

    private MockHttpServletResponse refuse(OAuth2Error... errors) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/membership/clusters");
        request.addHeader("Authorization", "Bearer x.y.z");
        MockHttpServletResponse response = new MockHttpServletResponse();
        JwtValidationException invalid = new JwtValidationException("invalid", List.of(errors));
        entryPoint.commence(request, response, new InvalidBearerTokenException("invalid", invalid));
        return response;
    }

    @Test
    void anUnreadableRevocationListIsAServiceUnavailable() throws Exception {
        MockHttpServletResponse response = refuse(new OAuth2Error(RevocationList.UNAVAILABLE_CODE, "cannot check", null));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"revocations-unavailable\"");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }

    @Test
    void aTokenBadInAnotherWayTooIsRefusedAsSuch() throws Exception {
        MockHttpServletResponse response = refuse(new OAuth2Error("invalid_token", "Jwt expired", null),
                new OAuth2Error(RevocationList.UNAVAILABLE_CODE, "cannot check", null));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).contains("\"code\":\"invalid-token\"");
        assertThat(response.getHeader("WWW-Authenticate")).contains("invalid_token");
    }
}
