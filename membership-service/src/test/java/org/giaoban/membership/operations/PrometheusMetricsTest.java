package org.giaoban.membership.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.giaoban.membership.MembershipServiceTestBase;
import org.giaoban.testsupport.Http;
import org.giaoban.testsupport.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * The metrics of docs/operations.md, as Prometheus scrapes them (with an analyst's token) after some commands. (Spring
 * Boot tests turn metrics export off unless asked: this class runs in a context of its own with it on.)
 */
@AutoConfigureObservability(tracing = false)
class PrometheusMetricsTest extends MembershipServiceTestBase {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)", Pattern.MULTILINE);

    @Test
    void commandsProcessorsAndPublishingAreMeasured() {
        String id = "metrics-" + Long.toString(System.nanoTime(), 36);
        assertThat(http.post("/api/membership/urban-areas", "{\"id\":\"" + id + "\",\"name\":\"Phường " + id
                + "\",\"kind\":\"WARD\",\"province\":\"Lào Cai\"}").status()).isEqualTo(201);
        // Refused by the aggregate: it exists already.
        http.post("/api/membership/urban-areas/" + id + "/withdrawal", "{\"effectiveFrom\":\"2024-01-01\",\"reason\":\"chưa là hội viên\"}");
        awaitProjectionsCaughtUp();
        long head = eventStore.createHeadToken().position().orElseThrow();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, Double> samples = scrape();
            assertThat(samples.get("giaoban_commands_seconds_count{command=\"UrbanAreaCommands.RegisterUrbanArea\",outcome=\"success\"}"))
                    .as("%s", samples.keySet()).isNotNull().isGreaterThanOrEqualTo(1.0);
            assertThat(samples.keySet()).anyMatch(name -> name.startsWith("giaoban_commands_seconds_sum{"));
            assertThat(samples.get("giaoban_event_store_head")).isGreaterThanOrEqualTo((double) head);
            for (String processor : new String[] {"clusters", "rosters", "urban-area-history", "integration-publisher"}) {
                assertThat(samples.get("giaoban_processor_lag_events{processor=\"" + processor + "\"}")).as(processor)
                        .isNotNull().isBetween(0.0, 1_000_000.0);
                assertThat(samples.get("giaoban_processor_position{processor=\"" + processor + "\"}")).as(processor)
                        .isNotNull().isGreaterThanOrEqualTo((double) head - 1_000_000);
                assertThat(samples.get("giaoban_processor_rebuilding{processor=\"" + processor + "\"}")).as(processor)
                        .isIn(0.0, 1.0);
            }
            assertThat(samples.entrySet()).anySatisfy(sample -> {
                assertThat(sample.getKey()).startsWith("giaoban_kafka_published_total{").contains("outcome=\"success\"")
                        .contains("topic=\"");
                assertThat(sample.getValue()).isGreaterThanOrEqualTo(1.0);
            });
        });
    }

    @Test
    void metricsAreForOperatorsAndAnalystsOnly() {
        Http.Response anonymous = http.anonymous().get("/actuator/prometheus");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        for (String token : new String[] {TestTokens.editor(), TestTokens.coordinator("tay-bac"), TestTokens.delegate("sa-pa")}) {
            assertThat(http.as(token).get("/actuator/prometheus").status()).isEqualTo(403);
        }
        assertThat(http.as(TestTokens.operator()).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(http.as(TestTokens.analyst()).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(http.anonymous().get("/actuator/health").status()).isEqualTo(200);
    }

    private Map<String, Double> scrape() {
        Http.Response scraped = http.as(TestTokens.analyst()).get("/actuator/prometheus");
        assertThat(scraped.status()).as(scraped.body()).isEqualTo(200);
        String body = scraped.body();
        Map<String, Double> samples = new TreeMap<>();
        Matcher sample = SAMPLE.matcher(body);
        while (sample.find()) {
            if (sample.group(1).startsWith("giaoban_")) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)), Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }
}
