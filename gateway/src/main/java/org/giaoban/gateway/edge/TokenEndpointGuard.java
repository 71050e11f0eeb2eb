package org.giaoban.gateway.edge;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import org.giaoban.platform.problem.Problems;
import org.giaoban.platform.security.SecurityLog;

/**
 * Guards {@code POST /oauth2/token} against guessing: before Spring Authorization Server checks anything, a client id
 * or an address locked by its failures ({@link FailedAttempts}, {@link EdgeProperties.TokenLockout}) is answered 429
 * {@value #CODE} with {@code Retry-After}; afterwards the outcome is counted — a 401 (the client did not authenticate)
 * as a failure of its client id and its address, a token as a success of its client id — and every failure is a line of
 * the security log: {@code authentication-failed} for a 401, {@code token-issue-failed} for a client that authenticated
 * but got no token, {@code token-endpoint-locked} when a lock starts. The client id is read from HTTP Basic (or the
 * {@code client_id} parameter) only to count and to log; the secret is never kept.
 */
public final class TokenEndpointGuard extends OncePerRequestFilter {

    /** Request attribute: the OAuth2 error code of a refused token request, set where it is refused. */
    public static final String ERROR = TokenEndpointGuard.class.getName() + ".error";
    static final String CODE = "too-many-failed-attempts";
    static final String PATH = "/oauth2/token";
    private static final String BASIC = "basic ";
    private static final int MAX_CLIENT_ID = 200;

    private final FailedAttempts attempts;
    private final EdgeProperties.TokenLockout settings;
    private final ObjectMapper json;

    TokenEndpointGuard(FailedAttempts attempts, EdgeProperties.TokenLockout settings, ObjectMapper json) {
        this.attempts = attempts;
        this.settings = settings;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod()) || !PATH.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String clientId = clientId(request);
        String addressKey = "address:" + request.getRemoteAddr();
        String clientKey = clientId == null ? null : "client:" + clientId;
        Duration locked = !settings.enabled() ? Duration.ZERO
                : max(attempts.lockedFor(addressKey), clientKey == null ? Duration.ZERO : attempts.lockedFor(clientKey));
        if (!locked.isZero()) {
            long seconds = FailedAttempts.seconds(locked);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            Problems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, CODE,
                    "Too many failed attempts for this client or from this address; try again in " + seconds + " s.");
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            Duration addressLock = !settings.enabled() ? Duration.ZERO : attempts.failed(addressKey, settings.addressFreeFailures());
            Duration clientLock = !settings.enabled() || clientKey == null ? Duration.ZERO
                    : attempts.failed(clientKey, settings.clientFreeFailures());
            SecurityLog.info(SecurityLog.AUTHENTICATION_FAILED, request, "status", "401", "clientId", clientId,
                    "reason", "invalid_client");
            if (!addressLock.isZero() || !clientLock.isZero()) {
                SecurityLog.warn("token-endpoint-locked", request, "clientId", clientId,
                        "clientLockedSeconds", Long.toString(clientLock.toSeconds()),
                        "addressLockedSeconds", Long.toString(addressLock.toSeconds()));
            }
        } else if (status < 300) {
            if (clientKey != null) {
                attempts.succeeded(clientKey);
            }
        } else if (status != HttpStatus.TOO_MANY_REQUESTS.value()) {
            Object error = request.getAttribute(ERROR);
            SecurityLog.info("token-issue-failed", request, "status", Integer.toString(status), "clientId", clientId,
                    "reason", error == null ? "http-" + status : error.toString());
        }
    }

    /** The client id the request claims (HTTP Basic, else the {@code client_id} parameter), or null. */
    static String clientId(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String id = null;
        if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                // RFC 6749 2.3.1: form-encoded before Base64, as Spring Authorization Server reads it.
                id = URLDecoder.decode(colon < 0 ? pair : pair.substring(0, colon), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else {
            id = request.getParameter("client_id");
        }
        if (id == null || id.isEmpty()) {
            return null;
        }
        return id.length() > MAX_CLIENT_ID ? id.substring(0, MAX_CLIENT_ID) : id;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
