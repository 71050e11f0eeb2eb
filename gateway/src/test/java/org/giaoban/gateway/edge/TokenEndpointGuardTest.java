package org.giaoban.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint's lockout with addresses of its own choosing and a clock it turns by hand: per client id and per
 * address, doubling locks up to the longest, a locked request never reaching the secret check.
 */
class TokenEndpointGuardTest {

    private static final EdgeProperties.TokenLockout SETTINGS = new EdgeProperties.TokenLockout(true, 3, 5,
            Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1), 1000);

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private final TokenEndpointGuard guard = new TokenEndpointGuard(new FailedAttempts(SETTINGS, now::get), SETTINGS, new ObjectMapper());
    private final AtomicInteger checked = new AtomicInteger();

    /** A token request; the secret check behind the guard answers 200 for the right secret, else 401. */
    private MockHttpServletResponse request(String address, String clientId, String secret) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/oauth2/token");
        request.setRemoteAddr(address);
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain secretCheck = (req, res) -> {
            checked.incrementAndGet();
            ((MockHttpServletResponse) res).setStatus("right-secret-1".equals(secret) ? 200 : 401);
        };
        guard.doFilter(request, response, secretCheck);
        return response;
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aClientIdIsLockedFromItsThirdFailureForLongerEachTimeUpToTheLongest() throws Exception {
        for (int i = 0; i < 2; i++) {
            assertThat(request("10.0.0." + i, "alice", "guess").getStatus()).isEqualTo(401);
        }
        assertThat(request("10.0.0.2", "alice", "right-secret-1").getStatus()).as("two failures: free").isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(request("10.0.1." + i, "alice", "guess").getStatus()).isEqualTo(401);
        }
        int checks = checked.get();
        MockHttpServletResponse locked = request("10.0.2.1", "alice", "right-secret-1");
        assertThat(locked.getStatus()).isEqualTo(429);
        assertThat(locked.getHeader("Retry-After")).isEqualTo("1");
        assertThat(locked.getContentType()).startsWith("application/problem+json");
        assertThat(checked.get()).as("the secret is not compared while locked").isEqualTo(checks);

        long[] expected = {2, 4, 8, 8};
        for (long seconds : expected) {
            advance(Duration.ofMillis(8_001));
            assertThat(request("10.0.3.1", "alice", "guess").getStatus()).isEqualTo(401);
            assertThat(request("10.0.3.1", "alice", "guess").getHeader("Retry-After")).isEqualTo(Long.toString(seconds));
        }
        // Others are not locked by alice's failures.
        assertThat(request("10.0.4.1", "bob", "right-secret-1").getStatus()).isEqualTo(200);
    }

    @Test
    void anAddressGuessingManyClientIdsIsLockedAndASuccessDoesNotClearIt() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(request("192.0.2.7", "client-" + i, "guess").getStatus()).isEqualTo(401);
        }
        assertThat(request("192.0.2.7", "mine", "right-secret-1").getStatus()).isEqualTo(200);
        assertThat(request("192.0.2.7", "client-4", "guess").getStatus()).as("the fifth failure of the address").isEqualTo(401);
        assertThat(request("192.0.2.7", "client-5", "guess").getStatus()).isEqualTo(429);
        assertThat(request("192.0.2.7", "mine", "right-secret-1").getStatus()).isEqualTo(429);
        assertThat(request("192.0.2.8", "client-5", "right-secret-1").getStatus()).as("another address").isEqualTo(200);

        advance(Duration.ofSeconds(1));
        assertThat(request("192.0.2.7", "mine", "right-secret-1").getStatus()).isEqualTo(200);
    }

    @Test
    void failuresAreForgottenAfterAWhileWithoutAny() throws Exception {
        for (int i = 0; i < 2; i++) {
            request("10.9.9.9", "carol", "guess");
        }
        advance(Duration.ofMinutes(2));
        assertThat(request("10.9.9.9", "carol", "guess").getStatus()).isEqualTo(401);
        assertThat(request("10.9.9.9", "carol", "right-secret-1").getStatus()).as("one failure since").isEqualTo(200);
    }

    @Test
    void otherPathsAreNotGuarded() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/oauth2/jwks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        guard.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(401));
        assertThat(guard.shouldNotFilter(request)).isTrue();
    }
}
