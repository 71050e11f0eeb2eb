package org.giaoban.gateway.people;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import org.giaoban.platform.security.SecurityLog;

/**
 * A sign-in session opens the authorization endpoint only while its person may still sign in: enabled, not locked, and
 * nothing (a disabling, a new password) ended their sessions since they signed in. Otherwise the session is ended
 * before the endpoint sees it, so the browser is sent to the sign-in page, which says why. Only sessions made by the
 * sign-in page count: any other authentication is dropped the same way.
 */
@Component
public class PersonSessions {

    /** Session attribute: when the person signed in (set by the sign-in page's success handler). */
    static final String SIGNED_IN_AT = PersonSessions.class.getName() + ".signedInAt";
    static final String ENDED = "sign-in-session-ended";

    private final People people;

    PersonSessions(People people) {
        this.people = people;
    }

    /** The check, for the requests {@code endpoint} matches (the authorization endpoint). */
    public OncePerRequestFilter filter(RequestMatcher endpoint) {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !endpoint.matches(request);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                HttpSession session = request.getSession(false);
                if (signedIn != null && session != null && !valid(signedIn, session)) {
                    SecurityLog.info(ENDED, request, "username", signedIn.getName(), "reason", people.whyNot(signedIn.getName()));
                    SecurityContextHolder.clearContext();
                    session.invalidate();
                }
                chain.doFilter(request, response);
            }
        };
    }

    private boolean valid(Authentication signedIn, HttpSession session) {
        Object at = session.getAttribute(SIGNED_IN_AT);
        return signedIn instanceof UsernamePasswordAuthenticationToken && signedIn.isAuthenticated()
                && at instanceof Instant signedInAt && people.mayContinue(signedIn.getName(), signedInAt);
    }
}
