package org.giaoban.gateway;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.RealInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The gateway on a random port with its own fresh PostgreSQL database (the test support's initializer also names a
 * Kafka broker, which the gateway does not use), in the local profile: the three demo clients exist. Every test
 * calls from 127.0.0.1, so the token endpoint's lockout per address is set out of reach here (TokenLockoutTest sets
 * its own); the lockout per client id is as configured.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@ActiveProfiles({"test", "local"})
@TestPropertySource(properties = "giaoban.gateway.token-lockout.address-free-failures=100000")
abstract class GatewayTestBase {

    @LocalServerPort
    int port;
    Http http;
    Tokens tokens;

    @BeforeEach
    void client() {
        http = new Http(port);
        tokens = new Tokens(http);
    }

    String operatorToken() {
        return tokens.of("operator", "operator-dev-secret");
    }
}
