package org.giaoban.platform.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;

import org.giaoban.platform.web.RequestContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The line format: key=value pairs, quoted and escaped where a value could forge a field or a line. */
class SecurityLogLineTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aLineNamesTheEventTheDetailsAndTheOriginOfTheRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/accounts/sa-pa-delegate");
        request.setRemoteAddr("192.0.2.10");
        request.addHeader("X-Forwarded-For", "198.51.100.7");
        MDC.put(RequestContext.CORRELATION_ID, "abc-123");
        assertThat(SecurityLog.line("account-deleted", request, "actor", "operator", "clientId", "sa-pa-delegate"))
                .isEqualTo("event=account-deleted actor=operator clientId=sa-pa-delegate method=DELETE"
                        + " path=/api/accounts/sa-pa-delegate address=192.0.2.10 forwardedFor=198.51.100.7 correlationId=abc-123");
    }

    @Test
    void valuesThatCouldForgeAFieldOrALineAreQuotedAndEscaped() {
        String line = SecurityLog.line("authentication-failed", null,
                "clientId", "evil\r\nevent=account-created actor=\"operator\"\\", "detail", "tab\there\u2028", "empty", "", "none", null);
        assertThat(line).isEqualTo("event=authentication-failed clientId=\"evil\\r\\nevent=account-created actor=\\\"operator\\\"\\\\\""
                + " detail=\"tab\\there\\u2028\" empty=\"\" none=- correlationId=-");
        assertThat(line).doesNotContain("\n", "\r", "\t");
    }

    @Test
    void longValuesAreCut() {
        String line = SecurityLog.line("authentication-failed", null, "clientId", "x".repeat(1000));
        assertThat(line).contains("clientId=" + "x".repeat(SecurityLog.MAX_VALUE) + "...").hasSizeLessThan(300);
    }

    @Test
    void detailsComeInPairs() {
        assertThatThrownBy(() -> SecurityLog.line("x", null, "lonely")).isInstanceOf(IllegalArgumentException.class);
    }
}
