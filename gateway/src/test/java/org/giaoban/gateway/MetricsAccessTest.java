package org.giaoban.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's metrics are for operators and analysts (the Prometheus that scrapes them uses such a client's
 * token), not for anyone who reaches the port. (Tests turn metrics export off unless asked: a context of its own.)
 */
@AutoConfigureObservability(tracing = false)
class MetricsAccessTest extends GatewayTestBase {

    @Test
    void prometheusNeedsAnOperatorOrAnalystToken() {
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.as(tokens.of("editor", "editor-dev-secret")).get("/actuator/prometheus").status()).isEqualTo(403);
        var analyst = http.as(tokens.of("analyst", "analyst-dev-secret")).get("/actuator/prometheus");
        assertThat(analyst.status()).isEqualTo(200);
        assertThat(analyst.body()).contains("http_server_requests_seconds");
        assertThat(http.as(operatorToken()).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }
}
