package org.giaoban.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Objects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The bearer token found, or the refusal given, is always the one Spring Security's own resolver gives. */
class BearerHeaderTest {

    private static final String JWT = "eyJraWQiOiJrIiwiYWxnIjoiUlMyNTYifQ.eyJzdWIiOiJvcGVyYXRvciJ9.c2lnbmF0dXJlLV8r/w==";

    @ParameterizedTest
    @ValueSource(strings = {"Bearer " + JWT, "bearer " + JWT, "BEARER abc", "Bearer abc==", "Bearer a-b.c_d~e+f/g",
            "Bearer ", "Bearer", "Bearer  " + JWT, "Bearer " + JWT + " ", "Bearer abc=d", "Bearer ab cd", "Bearer é",
            "Bearer abc\t", "Basic dXNlcjpwYXNz", "Bearerabc", "Token abc", "", "NO_HEADER"})
    void findsWhatSpringFinds(String header) {
        for (String method : new String[] {"GET", "POST", "PUT"}) {
            assertSame(request(method, header, null, null));
            assertSame(request(method, header, "access_token=" + JWT, null));
            assertSame(request(method, header, "page=2", null));
        }
        assertSame(request("POST", header, null, "application/x-www-form-urlencoded"));
    }

    private static MockHttpServletRequest request(String method, String header, String query, String contentType) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/anything");
        if (!header.equals("NO_HEADER")) {
            request.addHeader("Authorization", header);
        }
        if (query != null) {
            request.setQueryString(query);
            String[] pair = query.split("=", 2);
            request.addParameter(pair[0], pair[1]);
        }
        if (contentType != null) {
            request.setContentType(contentType);
            request.addParameter("access_token", JWT);
        }
        return request;
    }

    private static void assertSame(MockHttpServletRequest request) {
        Outcome expected = outcome(() -> new DefaultBearerTokenResolver().resolve(request));
        Outcome actual = outcome(() -> new BearerHeader().resolve(request));
        assertThat(actual).as(request.getMethod() + " " + request.getHeader("Authorization") + " ?" + request.getQueryString())
                .isEqualTo(expected);
    }

    record Outcome(String token, String error) {
    }

    private static Outcome outcome(java.util.function.Supplier<String> resolve) {
        Throwable refused = catchThrowable(resolve::get);
        if (refused == null) {
            return new Outcome(resolve.get(), null);
        }
        assertThat(refused).isInstanceOf(OAuth2AuthenticationException.class);
        return new Outcome(null, Objects.toString(((OAuth2AuthenticationException) refused).getError().getDescription()));
    }
}
