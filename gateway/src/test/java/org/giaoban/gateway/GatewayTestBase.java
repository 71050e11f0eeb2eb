package org.giaoban.gateway;

import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.RealInfrastructureInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway on a random port with its own fresh PostgreSQL database (the test support's initializer also names a
 * Kafka broker, which the gateway does not use), in the local profile: the three demo clients exist.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@ActiveProfiles({"test", "local"})
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
