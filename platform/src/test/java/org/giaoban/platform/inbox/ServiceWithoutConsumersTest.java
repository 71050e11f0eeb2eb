package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.giaoban.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.TestPropertySource;

/** A service that consumes nothing (as membership) starts with the inbox's auto-configuration and parks nothing. */
@ServiceTest
@TestPropertySource(properties = {"giaoban.api.base-path=/api/test", "giaoban.database=unused"})
class ServiceWithoutConsumersTest {

    /** Nested plain configuration: found for this test only, invisible to the other tests' search of the package. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class NoConsumers {
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void startsAndListsNoDeadLetters() {
        assertThat(http.getForObject("/api/test/admin/dead-letters", List.class)).isEmpty();
    }
}
