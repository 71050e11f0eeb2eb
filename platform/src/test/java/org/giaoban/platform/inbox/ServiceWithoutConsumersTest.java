package org.giaoban.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.giaoban.testsupport.ServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.RequestEntity;
import org.springframework.http.ResponseEntity;
import org.giaoban.testsupport.security.TestTokens;
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
    void startsAndListsNoDeadLettersToAnOperator() {
        assertThat(http.exchange(RequestEntity.get("/api/test/admin/dead-letters").headers(h -> h.setBearerAuth(TestTokens.operator()))
                .build(), List.class).getBody()).isEmpty();
    }

    @Test
    void administrationIsForOperatorsOnly() {
        ResponseEntity<String> anonymous = http.getForEntity("/api/test/admin/dead-letters", String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(anonymous.getBody()).contains("\"code\":\"unauthenticated\"");
        ResponseEntity<String> editor = http.exchange(RequestEntity.get("/api/test/admin/projections")
                .headers(h -> h.setBearerAuth(TestTokens.editor())).build(), String.class);
        assertThat(editor.getStatusCode().value()).isEqualTo(403);
        assertThat(editor.getBody()).contains("\"code\":\"forbidden\"");
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode().value()).as("health stays open").isEqualTo(200);
    }
}
