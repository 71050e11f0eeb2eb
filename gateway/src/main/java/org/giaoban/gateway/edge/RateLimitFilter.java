package org.giaoban.gateway.edge;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.filter.OncePerRequestFilter;

import org.giaoban.platform.problem.Problems;

/**
 * Every request, the token endpoint included, takes a token from its client's bucket before anything else is done
 * with it; an empty bucket is a 429 with {@code Retry-After}. The client is the subject of a valid bearer token, or
 * else (no token, or one that does not verify: it will be refused with 401 anyway) the client address, which is the
 * proxy's unless {@code server.forward-headers-strategy} says otherwise.
 *
 * <p>The token is verified here, by the very decoder Spring Security uses after this filter: an unverified subject
 * would let a client pick a new key, and a fresh bucket, for every request. That decoder remembers the tokens that
 * verified ({@link org.giaoban.platform.security.CachingJwtDecoder}), so the security chain finds this request's token
 * already verified, and the client's next requests too.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String CODE = "rate-limited";
    private static final String BEARER = "bearer ";

    private final RateLimiter limiter;
    private final JwtDecoder tokens;
    private final ObjectMapper json;

    RateLimitFilter(RateLimiter limiter, JwtDecoder tokens, ObjectMapper json) {
        this.limiter = limiter;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimiter.Decision decision = limiter.take(client(request));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            Problems.write(json, response, HttpStatus.TOO_MANY_REQUESTS, CODE,
                    "Too many requests from this client; try again in " + decision.retryAfterSeconds() + " s.");
            return;
        }
        chain.doFilter(request, response);
    }

    private String client(HttpServletRequest request) {
        return subject(request).map(subject -> "sub:" + subject).orElseGet(() -> "addr:" + request.getRemoteAddr());
    }

    private Optional<String> subject(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(tokens.decode(authorization.substring(BEARER.length()).trim()).getSubject());
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
